namespace IndustryWeek.Shared.PublishedLanguage;

// Value shapes that several modules' public notifications carry ("fat" events). They live in the
// shared kernel so that Contracts projects need not reference each other.

/// <summary>One session of an event, in Europe/Paris local time.</summary>
public sealed record EventSession(DateTime Start, DateTime End);

public enum LocationMode
{
    OnSite,
    Online,
    Hybrid,
}

/// <summary>Where an event takes place. Codes are the official COG codes (INSEE commune, department, region).</summary>
public sealed record EventLocation
{
    public required LocationMode Mode { get; init; }

    public string? Street { get; init; }

    public string? PostalCode { get; init; }

    public string? City { get; init; }

    public string? InseeCode { get; init; }

    public string? DepartmentCode { get; init; }

    public string? RegionCode { get; init; }

    public double? Latitude { get; init; }

    public double? Longitude { get; init; }

    public string? OnlineUrl { get; init; }
}
