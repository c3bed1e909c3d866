using IndustryWeek.CommunicationKit.Content;
using IndustryWeek.Editions.Contracts;
using IndustryWeek.Shared.PublishedLanguage;

namespace IndustryWeek.CommunicationKit.Tests;

/// <summary>A labelled event of the 2020 edition, as the kit receives it.</summary>
internal static class KitSamples
{
    public static readonly Guid EventId = Guid.Parse("5a1e0000-2020-4000-8000-000000000123");

    public const string LabelNumber = "SDI-2020-000123";

    public const string PublicPageUrl = "https://semaine-industrie.example.fr/evenements/5a1e0000-2020-4000-8000-000000000123";

    public const string OrganiserSpaceUrl = "https://semaine-industrie.example.fr/mon-espace/evenements/5a1e0000-2020-4000-8000-000000000123";

    public static readonly DateTime GrantedAtUtc = new(2020, 10, 20, 13, 30, 0, DateTimeKind.Utc);

    public static EditionSnapshot Edition2020() => new()
    {
        Id = Guid.Parse("2020aaaa-0000-0000-0000-000000000010"),
        Number = 10,
        Year = 2020,
        Name = "Semaine de l'industrie 2020",
        Theme = "Inventer un avenir durable",
        ThemeDescription = "L'industrie invente les solutions d'un avenir durable : énergie, matériaux, recyclage.",
        FocusTopics = [],
        Hashtag = "#SemaineIndustrie",
        Schedule = new EditionSchedule
        {
            HeadlineWeek = new(new DateOnly(2020, 11, 16), new DateOnly(2020, 11, 22)),
            EventPeriod = new(new DateOnly(2020, 11, 16), new DateOnly(2020, 11, 22)),
            RegionalPeriods = [],
            RegistrationCloses = new DateOnly(2020, 11, 10),
        },
        RegistrationOpens = new DateOnly(2020, 9, 1),
        MapVisibleFrom = new DateOnly(2020, 10, 1),
        Status = EditionStatus.Published,
    };

    public static EventLocation Lille() => new()
    {
        Mode = LocationMode.OnSite,
        Street = "12 rue de l'Usine",
        PostalCode = "59000",
        City = "Lille",
        InseeCode = "59350",
        DepartmentCode = "59",
        RegionCode = "32",
        Latitude = 50.62925,
        Longitude = 3.057256,
    };

    public static EventSession Monday16Morning() => new(new DateTime(2020, 11, 16, 9, 0, 0), new DateTime(2020, 11, 16, 12, 0, 0));

    public static EventSession Wednesday18Afternoon() => new(new DateTime(2020, 11, 18, 14, 0, 0), new DateTime(2020, 11, 18, 17, 30, 0));

    public static EventDescription FactoryVisit(
        string title = "Visite de l'usine de Lille",
        IReadOnlyList<EventSession>? sessions = null,
        EventLocation? location = null) => new()
    {
        Title = title,
        Description = "Découverte des hauts fourneaux, de la coulée continue et des métiers de la sidérurgie, avec les apprentis du site.",
        Format = "CompanyVisit",
        Audiences = ["Pupils", "JobSeekers"],
        Sectors = ["Metallurgy"],
        Topics = [],
        Sessions = sessions ?? [Monday16Morning()],
        Location = location ?? Lille(),
        IsFree = true,
        Booking = new EventBooking(Required: true, Url: "https://acieries-du-nord.example.fr/visites", Capacity: 25),
        PublicContact = new EventContact("visites@acieries-du-nord.example.fr", "03 20 00 00 00"),
        Accessible = true,
        AboutIndustry = true,
    };

    public static OrganiserContact AcieriesDuNord(string name = "Aciéries du Nord") =>
        new(Guid.Parse("0a0a0a0a-0000-0000-0000-000000000001"), name, "communication@acieries-du-nord.example.fr");

    public static KitSubject Subject(EventDescription? description = null, EditionSnapshot? edition = null, OrganiserContact? organiser = null) =>
        new(edition ?? Edition2020(), EventId, LabelNumber, description ?? FactoryVisit(), organiser ?? AcieriesDuNord(), GrantedAtUtc, PublicPageUrl);

    /// <summary>
    /// Everything as long as an organiser may type it: a 300-character title with a 60-character word,
    /// a 250-character street, 15 sessions and a 120-character organisation name.
    /// </summary>
    public static KitSubject Oversized()
    {
        var longWord = "Électrométallurgiquementthermomécaniquesuperstructurellementintégrée"[..60];
        var title = $"Journée portes ouvertes {longWord} : découvrez nos ateliers de forge, de fonderie et d'usinage de précision, " +
            "nos laboratoires de recherche sur l'acier bas carbone, nos chaînes robotisées et les métiers d'avenir de la sidérurgie durable";
        title = (title + " — visites guidées, démonstrations, rencontres avec les apprentis et les ingénieurs du site de production")[..300];
        var street = string.Join(' ', Enumerable.Repeat("Zone industrielle portuaire des Hauts-de-France, bâtiment Événements,", 5))[..250];
        var sessions = Enumerable.Range(0, 15)
            .Select(i => new EventSession(new DateTime(2020, 11, 16, 8, 0, 0).AddDays(i / 3).AddHours(3 * (i % 3)), new DateTime(2020, 11, 16, 10, 30, 0).AddDays(i / 3).AddHours(3 * (i % 3))))
            .ToList();
        var location = Lille() with { Street = street, City = "Saint-Pol-sur-Mer", PostalCode = "59430" };
        const string organisation = "Aciéries et Fonderies Réunies du Nord, de la Flandre maritime et du Hainaut – Société anonyme à conseil d'administration";
        return Subject(FactoryVisit(title, sessions, location), organiser: AcieriesDuNord(organisation));
    }
}
