using System.Globalization;

namespace IndustryWeek.Labelling.Domain.Applications;

/// <summary>Hands out an edition's label numbers (« SDI-2020-000123 »): unique, in order, never reused.</summary>
internal sealed class LabelSequence
{
    private LabelSequence()
    {
    }

    public Guid EditionId { get; private set; }

    public int Year { get; private set; }

    /// <summary>Also the concurrency token: two grants cannot take the same number.</summary>
    public int LastNumber { get; private set; }

    public static LabelSequence Start(Guid editionId, int year) => new() { EditionId = editionId, Year = year };

    public string Next()
    {
        LastNumber++;
        return Format(Year, LastNumber);
    }

    public static string Format(int year, int number) => string.Create(CultureInfo.InvariantCulture, $"SDI-{year}-{number:000000}");
}
