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

    /// <summary>The factory visit with some details changed (sessions in Paris time, audiences, price, place).</summary>
    public static EventSnapshot With(
        (string Start, string End)[]? sessions = null,
        string[]? audiences = null,
        bool? isFree = null,
        bool? aboutIndustry = null,
        string? regionCode = "32",
        bool online = false,
        string title = "Visite de l'usine de Lille")
    {
        var visit = FactoryVisit(title, regionCode ?? "32");
        var e = visit.Event;
        return visit with
        {
            Event = e with
            {
                Sessions = sessions is null ? e.Sessions : [.. sessions.Select(s => new EventSession(Local(s.Start), Local(s.End)))],
                Audiences = audiences ?? e.Audiences,
                IsFree = isFree ?? e.IsFree,
                AboutIndustry = aboutIndustry ?? e.AboutIndustry,
                Location = online
                    ? new EventLocation { Mode = LocationMode.Online, OnlineUrl = "https://acieries-du-nord.fr/visite-virtuelle" }
                    : e.Location with { RegionCode = regionCode },
            },
        };
    }

    /// <summary>« 2020-11-16T09:00 », a Paris wall-clock time.</summary>
    public static DateTime Local(string value) => DateTime.ParseExact(value, "yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
