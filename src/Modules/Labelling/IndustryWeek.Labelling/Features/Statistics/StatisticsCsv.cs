using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace IndustryWeek.Labelling.Features.Statistics;

/// <summary>
/// Labelling's CSV files: semicolon-separated, UTF-8 with a BOM so that a French spreadsheet opens them as is, and a
/// cell that starts like a formula (=, +, -, @) escaped by CsvHelper so that no spreadsheet runs it.
/// </summary>
internal static class StatisticsCsv
{
    public static byte[] Write(Action<CsvWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.GetCultureInfo("fr-FR")) { Delimiter = ";", InjectionOptions = InjectionOptions.Escape }))
        {
            write(csv);
        }

        return buffer.ToArray();
    }
}
