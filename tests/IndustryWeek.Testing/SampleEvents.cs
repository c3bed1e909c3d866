using IndustryWeek.Registration.Contracts;
using IndustryWeek.Shared.PublishedLanguage;

namespace IndustryWeek.Testing;

/// <summary>Realistic submissions of the 2020 edition (16 – 22 November 2020).</summary>
public static class SampleEvents
{
    public static readonly Guid Edition2020 = Guid.Parse("2020aaaa-0000-0000-0000-000000000010");

    public static EventSubmitted FactoryVisit(Guid? eventId = null, string regionCode = "32", string title = "Visite de l'usine de Valenciennes") => new()
    {
        EventId = eventId ?? Guid.NewGuid(),
        EditionId = Edition2020,
        EditionYear = 2020,
        SubmissionNumber = 1,
        Event = new EventDescription
        {
        Title = title,
        Description = "Découverte des lignes d'assemblage et des métiers de la production, avec les apprentis du site.",
        Format = "CompanyVisit",
        Audiences = ["Pupils", "JobSeekers"],
        Sectors = ["Automotive"],
        Topics = [],
        Sessions =
        [
            new EventSession(new DateTime(2020, 11, 16, 9, 0, 0), new DateTime(2020, 11, 16, 12, 0, 0)),
            new EventSession(new DateTime(2020, 11, 18, 14, 0, 0), new DateTime(2020, 11, 18, 17, 30, 0)),
        ],
        Location = new EventLocation
        {
            Mode = LocationMode.OnSite,
            Street = "1 rue de l'Industrie",
            PostalCode = "59300",
            City = "Valenciennes",
            InseeCode = "59606",
            DepartmentCode = "59",
            RegionCode = regionCode,
            Latitude = 50.357,
            Longitude = 3.523,
        },
        IsFree = true,
        Booking = new EventBooking(Required: true, Url: "https://usine-exemple.fr/visites", Capacity: 25),
        PublicContact = new EventContact("visites@usine-exemple.fr", "03 27 00 00 00"),
        Accessible = true,
        AboutIndustry = true,
        },
        Organiser = new OrganiserContact(Guid.Parse("0a0a0a0a-0000-0000-0000-000000000001"), "Usine Exemple SAS", "organisatrice@usine-exemple.fr"),
        SubmittedAtUtc = new DateTime(2020, 10, 1, 8, 0, 0, DateTimeKind.Utc),
    };
}
