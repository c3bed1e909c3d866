using IndustryWeek.Labelling.Features.Statistics;

namespace IndustryWeek.Labelling.Features.EditionDashboard;

/// <summary>A dashboard table as a CSV file: the same header and lines as the table on the page.</summary>
internal static class DashboardCsv
{
    public static byte[] Write(DashboardTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return StatisticsCsv.Write(csv =>
        {
            csv.WriteField(table.Label);
            foreach (var column in table.Columns)
            {
                csv.WriteField(column);
            }

            csv.NextRecord();
            foreach (var row in table.Rows)
            {
                csv.WriteField(row.Name);
                foreach (var value in row.Values)
                {
                    csv.WriteField(value);
                }

                csv.NextRecord();
            }
        });
    }
}
