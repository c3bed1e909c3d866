using IndustryWeek.Editions.Contracts;

namespace IndustryWeek.CommunicationKit.Domain;

/// <summary>What the kit keeps of an edition, from Editions' notifications: its name, theme and hashtag.</summary>
internal sealed class KitEdition
{
    private KitEdition()
    {
    }

    public Guid Id { get; private set; }

    public EditionSnapshot Snapshot { get; private set; } = null!;

    public DateTime UpdatedAtUtc { get; private set; }

    public static KitEdition From(EditionSnapshot snapshot, DateTime occurredAtUtc) =>
        new() { Id = snapshot.Id, Snapshot = snapshot, UpdatedAtUtc = occurredAtUtc };

    /// <summary>
    /// An edition the kit never heard of (published before this module kept editions): its year is
    /// known from the label; name and hashtag are the campaign's own, the theme is left out.
    /// </summary>
    public static EditionSnapshot Unknown(Guid id, int year) => new()
    {
        Id = id,
        Number = 0,
        Year = year,
        Name = $"Semaine de l'industrie {year}",
        Theme = "",
        ThemeDescription = "",
        FocusTopics = [],
        Hashtag = "#SemaineIndustrie",
        Schedule = new EditionSchedule
        {
            HeadlineWeek = new(new DateOnly(year, 1, 1), new DateOnly(year, 1, 1)),
            EventPeriod = new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)),
            RegionalPeriods = [],
            RegistrationCloses = new DateOnly(year, 12, 31),
        },
        RegistrationOpens = new DateOnly(year, 1, 1),
        MapVisibleFrom = new DateOnly(year, 1, 1),
        Status = EditionStatus.Published,
    };

    /// <summary>Keeps the newer state: notifications of one edition may arrive twice, never reordered.</summary>
    public bool Apply(EditionSnapshot snapshot, DateTime occurredAtUtc)
    {
        if (occurredAtUtc < UpdatedAtUtc)
        {
            return false;
        }

        Snapshot = snapshot;
        UpdatedAtUtc = occurredAtUtc;
        return true;
    }
}
