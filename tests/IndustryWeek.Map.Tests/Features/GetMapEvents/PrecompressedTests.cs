using System.IO.Compression;
using IndustryWeek.Map.Features.GetMapEvents;
using static IndustryWeek.Map.Tests.Domain.PinDetailsExamples;

namespace IndustryWeek.Map.Tests.Features.GetMapEvents;

/// <summary>The whole edition's compressed forms: made once per map version, then the same bytes for every request.</summary>
public sealed class PrecompressedTests
{
    private static readonly EditionInfo Edition = new(EditionId, 2020, null);

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public void Form_WhenAskedAgainForOneVersion_IsTheFormCompressedTheFirstTime(string coding)
    {
        var map = new EditionMap(1, Edition, [MapEntryTests.EntryFor(Details(1))]);
        var builds = 0;

        var first = Precompressed.Form(map, "geojson", m => Count(m.Document), coding);
        var again = Precompressed.Form(map, "geojson", m => Count(m.Document), coding);

        Assert.Same(first, again);
        Assert.Equal(1, builds);
        Assert.Equal(map.Document, Decompress(first, coding));
        Assert.Same(map.Document, Precompressed.Form(map, "geojson", m => m.Document, coding: null));

        // The next version is another EditionMap: compressed again, once.
        var next = new EditionMap(2, Edition, [MapEntryTests.EntryFor(Details(2, "Visite de l'aciérie"))]);
        Assert.NotSame(first, Precompressed.Form(next, "geojson", m => Count(m.Document), coding));
        Assert.Equal(2, builds);

        byte[] Count(byte[] document)
        {
            builds++;
            return document;
        }
    }

    private static byte[] Decompress(byte[] compressed, string coding)
    {
        using Stream input = coding == "br"
            ? new BrotliStream(new MemoryStream(compressed), CompressionMode.Decompress)
            : new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
