using IndustryWeek.Editions.Contracts;
using IndustryWeek.Labelling.Contracts;
using IndustryWeek.Registration.Contracts;
using IndustryWeek.Shared.PublishedLanguage;
using IndustryWeek.Testing;

namespace IndustryWeek.Host.Tests.Map;

/// <summary>The notifications the map receives, built around SampleEvents' factory visit.</summary>
internal static class MapSamples
{
    public static readonly OrganiserContact Organiser = new(Guid.Parse("0a0a0a0a-0000-0000-0000-000000000001"), "Usine Exemple SAS", "organisatrice@usine-exemple.fr");

    /// <summary>The factory visit of SampleEvents (Valenciennes, 16 and 18 November 2020).</summary>
    public static EventDescription Visit(string title = "Visite de l'usine de Valenciennes") => SampleEvents.FactoryVisit(title: title).Event;

    public static EventSession Session(int month, int day, int startHour, int endHour) =>
        new(new DateTime(2020, month, day, startHour, 0, 0), new DateTime(2020, month, day, endHour, 0, 0));

    public static EventLocation Place(string city, string postalCode, string insee, string department, string region, double latitude, double longitude, LocationMode mode = LocationMode.OnSite) => new()
    {
        Mode = mode,
        Street = "2 avenue des Ateliers",
        PostalCode = postalCode,
        City = city,
        InseeCode = insee,
        DepartmentCode = department,
        RegionCode = region,
        Latitude = latitude,
        Longitude = longitude,
        OnlineUrl = mode == LocationMode.Hybrid ? "https://direct.example.fr/conference" : null,
    };

    public static readonly EventLocation OnlineOnly = new() { Mode = LocationMode.Online, OnlineUrl = "https://webinaire.example.fr/metiers" };

    public static LabelGranted Granted(Guid eventId, Guid editionId, int editionYear, EventDescription? description = null, int labelVersion = 1, DateTime? grantedAtUtc = null, string organisation = "Usine Exemple SAS") => new()
    {
        EventId = eventId,
        EditionId = editionId,
        EditionYear = editionYear,
        LabelNumber = $"SDI-{editionYear}-{Math.Abs(eventId.GetHashCode()) % 1_000_000:000000}",
        LabelVersion = labelVersion,
        Event = description ?? Visit(),
        Organiser = Organiser with { OrganisationName = organisation },
        GrantedAtUtc = grantedAtUtc ?? DateTime.UtcNow,
    };

    public static EventUpdated Updated(LabelGranted granted, EventDescription description, int revision, bool needsReview, string status = "Labelled", DateTime? updatedAtUtc = null) => new()
    {
        EventId = granted.EventId,
        EditionId = granted.EditionId,
        EditionYear = granted.EditionYear,
        Status = status,
        LabelNumber = granted.LabelNumber,
        NeedsReview = needsReview,
        Revision = revision,
        Event = description,
        Organiser = granted.Organiser,
        UpdatedAtUtc = updatedAtUtc ?? DateTime.UtcNow,
    };

    public static LabelRevoked Revoked(LabelGranted granted, DateTime? atUtc = null) => new()
    {
        EventId = granted.EventId,
        EditionId = granted.EditionId,
        EditionYear = granted.EditionYear,
        Title = granted.Event.Title,
        LabelNumber = granted.LabelNumber,
        Reason = "L'événement est devenu payant.",
        Organiser = granted.Organiser,
        DecidedAtUtc = atUtc ?? DateTime.UtcNow,
    };

    public static LabelSuspended Suspended(LabelGranted granted, DateTime? atUtc = null) => new()
    {
        EventId = granted.EventId,
        EditionId = granted.EditionId,
        EditionYear = granted.EditionYear,
        Title = granted.Event.Title,
        LabelNumber = granted.LabelNumber,
        Reason = "L'édition a changé de dates : les séances sont hors de la période.",
        Organiser = granted.Organiser,
        DecidedAtUtc = atUtc ?? DateTime.UtcNow,
    };

    public static EventCancelled Cancelled(LabelGranted granted, DateTime? atUtc = null) => new()
    {
        EventId = granted.EventId,
        EditionId = granted.EditionId,
        Title = granted.Event.Title,
        LabelNumber = granted.LabelNumber,
        Reason = "Le site est fermé pour travaux.",
        Organiser = granted.Organiser,
        CancelledAtUtc = atUtc ?? DateTime.UtcNow,
    };

    public static EventWithdrawn Withdrawn(LabelGranted granted, DateTime? atUtc = null) => new()
    {
        EventId = granted.EventId,
        EditionId = granted.EditionId,
        Title = granted.Event.Title,
        Organiser = granted.Organiser,
        WithdrawnAtUtc = atUtc ?? DateTime.UtcNow,
    };

    public static EditionSnapshot Edition(Guid id, int year, DateOnly mapVisibleFrom, EditionStatus status = EditionStatus.Published) => new()
    {
        Id = id,
        Number = year - 2010,
        Year = year,
        Name = $"Semaine de l'industrie {year}",
        Theme = "Inventer un avenir durable",
        ThemeDescription = "Édition de test.",
        FocusTopics = ["Mixité des métiers"],
        Hashtag = "#SemaineIndustrie",
        Schedule = new EditionSchedule
        {
            HeadlineWeek = new DatePeriod(new DateOnly(year, 3, 20), new DateOnly(year, 3, 26)),
            EventPeriod = new DatePeriod(new DateOnly(year, 3, 13), new DateOnly(year, 4, 2)),
            RegionalPeriods = [],
            RegistrationCloses = new DateOnly(year, 3, 10),
        },
        RegistrationOpens = new DateOnly(year - 1, 12, 1),
        MapVisibleFrom = mapVisibleFrom,
        Status = status,
    };

    public static EditionPublished Published(EditionSnapshot edition) => new() { Edition = edition, OccurredAtUtc = DateTime.UtcNow };

    public static EditionUpdated EditionChanged(EditionSnapshot edition) => new() { Edition = edition, OccurredAtUtc = DateTime.UtcNow };
}
