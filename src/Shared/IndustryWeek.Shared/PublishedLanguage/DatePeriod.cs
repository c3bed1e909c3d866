using System.Text.Json.Serialization;

namespace IndustryWeek.Shared.PublishedLanguage;

/// <summary>An inclusive period of Europe/Paris local dates (« du 16 au 22 novembre 2020 »).</summary>
public sealed record DatePeriod(DateOnly Start, DateOnly End)
{
    [JsonIgnore]
    public bool IsValid => Start <= End;

    public bool Contains(DateOnly date) => Start <= date && date <= End;

    public bool Contains(DatePeriod other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Start <= other.Start && other.End <= End;
    }
}

/// <summary>A region's own eligible period, wider or narrower than the national one.</summary>
public sealed record RegionalPeriod(string RegionCode, DateOnly Start, DateOnly End)
{
    [JsonIgnore]
    public DatePeriod Period => new(Start, End);
}
