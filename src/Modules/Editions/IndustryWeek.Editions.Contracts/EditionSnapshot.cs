using IndustryWeek.Shared.PublishedLanguage;

namespace IndustryWeek.Editions.Contracts;

public enum EditionStatus
{
    Draft,
    Published,
    Closed,
    Archived,
}

/// <summary>When an edition happens and when organisers may register (Europe/Paris dates, inclusive).</summary>
public sealed record EditionSchedule
{
    public required DatePeriod HeadlineWeek { get; init; }

    /// <summary>When a labelled event may take place, unless its region has its own period.</summary>
    public required DatePeriod EventPeriod { get; init; }

    public required IReadOnlyList<RegionalPeriod> RegionalPeriods { get; init; }

    public required DateOnly RegistrationCloses { get; init; }

    /// <summary>The period that applies to an event in <paramref name="regionCode"/>.</summary>
    public DatePeriod EventPeriodFor(string? regionCode) =>
        RegionalPeriods.FirstOrDefault(p => p.RegionCode == regionCode)?.Period ?? EventPeriod;
}

/// <summary>Everything other modules keep of an edition (fat notifications: they never read Editions' tables).</summary>
public sealed record EditionSnapshot
{
    public required Guid Id { get; init; }

    public required int Number { get; init; }

    public required int Year { get; init; }

    public required string Name { get; init; }

    public required string Theme { get; init; }

    public required string ThemeDescription { get; init; }

    public required IReadOnlyList<string> FocusTopics { get; init; }

    public required string Hashtag { get; init; }

    public required EditionSchedule Schedule { get; init; }

    public required DateOnly RegistrationOpens { get; init; }

    public required DateOnly MapVisibleFrom { get; init; }

    public required EditionStatus Status { get; init; }
}
