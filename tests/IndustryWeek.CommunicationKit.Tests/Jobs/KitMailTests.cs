using IndustryWeek.CommunicationKit.Jobs;
using IndustryWeek.Labelling.Contracts;
using IndustryWeek.Shared.PublishedLanguage;

namespace IndustryWeek.CommunicationKit.Tests.Jobs;

public sealed class KitMailTests
{
    private static readonly EventLocation Lille = new()
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

    private static readonly EventLocation Online = new()
    {
        Mode = LocationMode.Online,
        OnlineUrl = "https://webinaire.example.fr/industrie",
    };

    [Fact]
    public void Compose_WhenLabelGranted_GoesToTheOrganiser()
    {
        var mail = KitMail.Compose(Label());

        Assert.Equal("organisatrice@acieries-du-nord.fr", mail.To);
    }

    [Fact]
    public void Compose_WhenLabelGranted_SubjectNamesTheEventAndItsLabelNumber()
    {
        var mail = KitMail.Compose(Label());

        Assert.Contains("Visite de l'usine de Lille", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("SDI-2020-000001", mail.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_WhenLabelGranted_BodyGivesLabelNumberOrganisationAndEdition()
    {
        var body = KitMail.Compose(Label()).TextBody;

        Assert.StartsWith("Bonjour,", body, StringComparison.Ordinal);
        Assert.Contains("Numéro de label : SDI-2020-000001", body, StringComparison.Ordinal);
        Assert.Contains("« Visite de l'usine de Lille » (Aciéries du Nord)", body, StringComparison.Ordinal);
        Assert.Contains("Semaine de l'industrie 2020", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_WhenSeveralSessions_ListsEveryOneInFrenchByStart()
    {
        var label = Label(sessions:
        [
            new EventSession(new DateTime(2020, 11, 18, 14, 0, 0), new DateTime(2020, 11, 18, 16, 30, 0)),
            new EventSession(new DateTime(2020, 11, 16, 9, 0, 0), new DateTime(2020, 11, 16, 12, 0, 0)),
            new EventSession(new DateTime(2020, 11, 19, 9, 0, 0), new DateTime(2020, 11, 20, 17, 0, 0)),
        ]);

        var body = KitMail.Compose(label).TextBody;

        Assert.Contains("Séances :", body, StringComparison.Ordinal);
        string[] expected =
        [
            "lundi 16 novembre 2020, 9 h 00 – 12 h 00",
            "mercredi 18 novembre 2020, 14 h 00 – 16 h 30",
            "du jeudi 19 novembre 2020, 9 h 00 au vendredi 20 novembre 2020, 17 h 00",
        ];
        var positions = expected.Select(s => body.IndexOf(s, StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0, body));
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public void Compose_WhenOneSession_SaysSeanceInTheSingular()
    {
        var body = KitMail.Compose(Label()).TextBody;

        Assert.Contains("Séance :", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Séances", body, StringComparison.Ordinal);
        Assert.Contains("lundi 16 novembre 2020, 9 h 00 – 12 h 00", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_WhenOnSite_GivesTheAddress()
    {
        var body = KitMail.Compose(Label()).TextBody;

        Assert.Contains("Lieu : 1 rue de l'Usine, 59000 Lille", body, StringComparison.Ordinal);
        Assert.DoesNotContain("en ligne", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_WhenOnlineOnly_SaysEnLigne()
    {
        var body = KitMail.Compose(Label(location: Online)).TextBody;

        Assert.Contains("Lieu : en ligne", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_WhenHybrid_GivesTheAddressAndEnLigne()
    {
        var body = KitMail.Compose(Label(location: Lille with { Mode = LocationMode.Hybrid })).TextBody;

        Assert.Contains("Lieu : 1 rue de l'Usine, 59000 Lille et en ligne", body, StringComparison.Ordinal);
    }

    private static LabelGranted Label(IReadOnlyList<EventSession>? sessions = null, EventLocation? location = null) => new()
    {
        EventId = Guid.Parse("0b8f5f5e-2f6c-4f7a-9a37-5a0b9e1f0c11"),
        EditionId = Guid.Parse("7d2c9a61-3a1e-4e0b-8f0d-2b4c6e8a0f22"),
        EditionYear = 2020,
        LabelNumber = "SDI-2020-000001",
        LabelVersion = 1,
        Event = new EventDescription
        {
            Title = "Visite de l'usine de Lille",
            Description = "Découvrez les métiers de la production.",
            Format = "CompanyVisit",
            Audiences = ["Pupils"],
            Sectors = ["MiningAndMetallurgy"],
            Topics = [],
            Sessions = sessions ?? [new EventSession(new DateTime(2020, 11, 16, 9, 0, 0), new DateTime(2020, 11, 16, 12, 0, 0))],
            Location = location ?? Lille,
            IsFree = true,
            Booking = new EventBooking(Required: false, Url: null, Capacity: null),
            PublicContact = new EventContact(null, null),
            Accessible = false,
            AboutIndustry = true,
        },
        Organiser = new OrganiserContact(Guid.Parse("9f1c2c0e-4c1b-4d55-9a3f-0d6a1b2c3d4e"), "Aciéries du Nord", "organisatrice@acieries-du-nord.fr"),
        GrantedAtUtc = new DateTime(2020, 10, 5, 9, 30, 0, DateTimeKind.Utc),
    };
}
