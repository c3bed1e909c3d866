using IndustryWeek.Labelling.Domain.Applications;
using IndustryWeek.Shared.PublishedLanguage;

namespace IndustryWeek.Labelling.Tests.Domain.Applications;

/// <summary>Events as organisers submit them, for the tests.</summary>
internal static class Snapshots
{
    public static EventSnapshot FactoryVisit(string title = "Visite de l'usine de Lille", string regionCode = "32") => new(
        new EventDescription
    {
        Title = title,
        Description = "Découvrez les métiers de la production.",
        Format = "CompanyVisit",
        Audiences = ["Pupils", "JobSeekers"],
        Sectors = ["MiningAndMetallurgy"],
        Topics = [],
        Sessions =
        [
            new EventSession(new DateTime(2020, 11, 17, 14, 0, 0), new DateTime(2020, 11, 17, 16, 0, 0)),
            new EventSession(new DateTime(2020, 11, 16, 9, 0, 0), new DateTime(2020, 11, 16, 12, 0, 0)),
        ],
        Location = new EventLocation
        {
            Mode = LocationMode.OnSite,
            Street = "1 rue de l'Usine",
            PostalCode = "59000",
            City = "Lille",
            InseeCode = "59350",
            DepartmentCode = "59",
            RegionCode = regionCode,
            Latitude = 50.6292,
            Longitude = 3.0573,
        },
        IsFree = true,
        Booking = new EventBooking(Required: false, Url: null, Capacity: null),
        PublicContact = new EventContact("contact@acieries-du-nord.fr", null),
        Accessible = true,
        AboutIndustry = true,
    },
        new OrganiserContact(Guid.Parse("9f1c2c0e-4c1b-4d55-9a3f-0d6a1b2c3d4e"), "Aciéries du Nord", "organisatrice@acieries-du-nord.fr"));
}
