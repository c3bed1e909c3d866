using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using IndustryWeek.Map.Features.ExportMap;
using IndustryWeek.Map.Features.GetMapEvents;
using IndustryWeek.Map.Tests.Features.GetMapEvents;
using IndustryWeek.Shared.PublishedLanguage;
using static IndustryWeek.Map.Tests.Domain.PinDetailsExamples;

namespace IndustryWeek.Map.Tests.Features.ExportMap;

public sealed class MapCsvTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("+33 3 20 00 00 00", "'+33 3 20 00 00 00")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("-21.1151", "-21.1151")]
    [InlineData("Visite <script>alert(1)</script>", "Visite <script>alert(1)</script>")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Defuse_WhenACellCouldRunAsAFormula_PrefixesAnApostrophe(string? value, string expected)
    {
        Assert.Equal(expected, MapCsv.Defuse(value));
    }

    [Fact]
    public void Write_WhenEvents_WritesABomTheFrenchHeadersAndOneLinePerEventWithEverySession()
    {
        var entries = new[]
        {
            MapEntryTests.EntryFor(Details(1, "=1+1 ; « visite »")),
            MapEntryTests.EntryFor(Details(1, "En ligne", Online), Guid.Parse("1b8f5f5e-2f6c-4f7a-9a37-5a0b9e1f0c11")),
        };

        var bytes = MapCsv.Write(entries);

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        using var reader = new CsvReader(new StringReader(Encoding.UTF8.GetString(bytes)), new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";" });
        reader.Read();
        reader.ReadHeader();
        Assert.Equal(
            ["identifiant", "numero_label", "edition", "titre", "description", "format", "format_libelle", "publics", "secteurs", "thematiques", "seances",
             "premier_jour", "dernier_jour", "modalite", "adresse", "code_postal", "commune", "code_insee", "code_departement", "code_region", "region",
             "latitude", "longitude", "url_en_ligne", "gratuit", "reservation_obligatoire", "url_reservation", "capacite", "contact_email", "contact_telephone",
             "accessible", "organisation", "page_publique"],
            reader.HeaderRecord!);
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            rows.Add(reader.HeaderRecord!.ToDictionary(h => h, h => reader.GetField(h)!));
        }

        Assert.Equal(2, rows.Count);
        var visit = rows[0];
        Assert.Equal("'=1+1 ; « visite »", visit["titre"]);
        Assert.Equal("2020-11-16T09:00/2020-11-16T12:00|2020-11-17T14:00/2020-11-17T16:00", visit["seances"]);
        Assert.Equal("2020-11-16", visit["premier_jour"]);
        Assert.Equal("2020-11-17", visit["dernier_jour"]);
        Assert.Equal("Pupils|JobSeekers", visit["publics"]);
        Assert.Equal("Visite d'entreprise", visit["format_libelle"]);
        Assert.Equal("OnSite", visit["modalite"]);
        Assert.Equal("Hauts-de-France", visit["region"]);
        Assert.Equal("50.6292", visit["latitude"]);
        Assert.Equal("3.0573", visit["longitude"]);
        Assert.Equal("oui", visit["gratuit"]);
        Assert.Equal("30", visit["capacite"]);
        Assert.Equal("Aciéries du Nord", visit["organisation"]);
        var online = rows[1];
        Assert.Equal("Online", online["modalite"]);
        Assert.Equal("", online["latitude"]);
        Assert.Equal("https://webinaire.example.fr/industrie", online["url_en_ligne"]);
        Assert.Equal(LocationMode.Online.ToString(), online["modalite"]);
    }

    [Fact]
    public void Write_WhenNoEvents_WritesTheHeadersOnly()
    {
        var text = Encoding.UTF8.GetString(MapCsv.Write(Array.Empty<MapEntry>()));

        Assert.StartsWith("\uFEFFidentifiant;numero_label;", text, StringComparison.Ordinal);
        Assert.Single(text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
    }
}
