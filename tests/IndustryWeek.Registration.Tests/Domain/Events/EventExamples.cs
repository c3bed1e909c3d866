using IndustryWeek.Registration.Domain.Events;
using IndustryWeek.Shared.PublishedLanguage;

namespace IndustryWeek.Registration.Tests.Domain.Events;

/// <summary>A factory visit in Valenciennes during the 2027 edition (22 – 28 March 2027).</summary>
internal static class EventExamples
{
    public static readonly Guid Edition2027 = Guid.Parse("2027aaaa-0000-0000-0000-000000000017");

    public static readonly DateTime Now = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);

    public static readonly OrganiserContact Organiser = new(Guid.Parse("0a0a0a0a-0000-0000-0000-000000000001"), "Usine Exemple SAS", "organisatrice@usine-exemple.fr");

    public static EventDetails FactoryVisit(params (string Start, string End)[] sessions) => new()
    {
        Title = "Visite de l'usine de Valenciennes",
        Description = "Découverte des lignes d'assemblage et des métiers de la production, avec les apprentis du site.",
        Format = EventFormat.CompanyVisit,
        Audiences = [Audience.Pupils, Audience.JobSeekers],
        Sectors = [IndustrySector.Automotive],
        Topics = ["Transition écologique"],
        Sessions = [.. (sessions.Length == 0 ? [("2027-03-23T09:00", "2027-03-23T12:00"), ("2027-03-25T14:00", "2027-03-25T17:30")] : sessions)
            .Select(s => new EventSession(Local(s.Start), Local(s.End)))],
        Location = new EventLocation
        {
            Mode = LocationMode.OnSite,
            Street = "1 rue de l'Industrie",
            PostalCode = "59300",
            City = "Valenciennes",
            InseeCode = "59606",
            DepartmentCode = "59",
            RegionCode = "32",
            Latitude = 50.357,
            Longitude = 3.523,
        },
        IsFree = true,
        Booking = new EventBooking(Required: true, Url: "https://usine-exemple.fr/visites", Capacity: 25),
        PublicContact = new EventContact("visites@usine-exemple.fr", "03 27 00 00 00"),
        Accessible = true,
        AboutIndustry = true,
    };

    public static Event Draft(EventDetails? details = null) => Event.Create(Edition2027, 2027, details ?? FactoryVisit(), Organiser, Now);

    public static Event Submitted(EventDetails? details = null)
    {
        var submitted = Draft(details);
        Assert.True(submitted.Submit(Organiser, registrationOpen: true, Now.AddMinutes(5)).IsSuccess);
        submitted.ClearDomainEvents();
        return submitted;
    }

    public static Event Labelled(EventDetails? details = null)
    {
        var labelled = Submitted(details);
        Assert.True(labelled.ApplyLabel("SDI-2027-000001", 1, Now.AddDays(1)));
        return labelled;
    }

    public static DateTime Local(string value) =>
        DateTime.ParseExact(value, "yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
