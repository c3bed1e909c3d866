using IndustryWeek.Map.Domain;
using IndustryWeek.Shared.PublishedLanguage;

namespace IndustryWeek.Map.Tests.Domain;

/// <summary>Labelled events as the map receives them, for the tests.</summary>
internal static class PinDetailsExamples
{
    public static readonly Guid EditionId = Guid.Parse("7d2c9a61-3a1e-4e0b-8f0d-2b4c6e8a0f22");

    public static readonly EventEdition Edition = new(EditionId, 2020);

    public static EventLocation Lille => new()
    {
        Mode = LocationMode.OnSite,
        Street = "1 rue de l'Usine",
        PostalCode = "59000",
        City = "Lille",
        InseeCode = "59350",
        DepartmentCode = "59",
        RegionCode = "32",
        Latitude = 50.6292,
        Longitude = 3.0573,
    };

    public static EventLocation Online => new()
    {
        Mode = LocationMode.Online,
        OnlineUrl = "https://webinaire.example.fr/industrie",
        // Left over from an earlier on-site draft: an online event must still not be placed on the map.
        Latitude = 48.8566,
        Longitude = 2.3522,
    };

    public static EventDescription Event(string title = "Visite de l'usine de Lille", EventLocation? location = null) => new()
    {
        Title = title,
        Description = "Les lignes de production, les métiers de la maintenance et les apprentis du site.",
        Format = "CompanyVisit",
        Audiences = ["Pupils", "JobSeekers"],
        Sectors = ["MiningAndMetallurgy"],
        Topics = ["Mixité des métiers"],
        Sessions =
        [
            new EventSession(new DateTime(2020, 11, 17, 14, 0, 0), new DateTime(2020, 11, 17, 16, 0, 0)),
            new EventSession(new DateTime(2020, 11, 16, 9, 0, 0), new DateTime(2020, 11, 16, 12, 0, 0)),
        ],
        Location = location ?? Lille,
        IsFree = true,
        Booking = new EventBooking(true, "https://acieries-du-nord.example.fr/visites", 30),
        PublicContact = new EventContact("visites@acieries-du-nord.example.fr", "03 20 00 00 00"),
        Accessible = true,
        AboutIndustry = true,
    };

    public static PinDetails Details(int recordVersion, string title = "Visite de l'usine de Lille", EventLocation? location = null, int labelVersion = 1) => new(
        EditionId,
        2020,
        labelVersion,
        "SDI-2020-000001",
        recordVersion,
        Event(title, location),
        "Aciéries du Nord");
}
