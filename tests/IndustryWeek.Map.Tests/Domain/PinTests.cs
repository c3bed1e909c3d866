using IndustryWeek.Map.Domain;
using IndustryWeek.Shared.PublishedLanguage;
using static IndustryWeek.Map.Tests.Domain.PinDetailsExamples;

namespace IndustryWeek.Map.Tests.Domain;

public sealed class PinTests
{
    private static readonly Guid EventId = Guid.Parse("0b8f5f5e-2f6c-4f7a-9a37-5a0b9e1f0c11");
    private static readonly DateTime Now = new(2020, 10, 5, 9, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void Apply_WhenFirstVersion_ShowsTheEventWhereItTakesPlace()
    {
        var pin = Pin.Create(EventId);

        var applied = pin.Apply(Details(1), Now);

        Assert.True(applied);
        Assert.Equal(1, pin.LabelVersion);
        Assert.Equal(1, pin.RecordVersion);
        Assert.Equal("SDI-2020-000001", pin.LabelNumber);
        Assert.Equal("Visite de l'usine de Lille", pin.Title);
        Assert.Equal("Lille", pin.City);
        Assert.Equal("59", pin.DepartmentCode);
        Assert.Equal("32", pin.RegionCode);
        Assert.Equal(50.6292, pin.Latitude);
        Assert.Equal(3.0573, pin.Longitude);
        Assert.False(pin.Online);
        Assert.Equal("Aciéries du Nord", pin.OrganisationName);
        Assert.Equal(Now, pin.PublishedAtUtc);
    }

    [Fact]
    public void Apply_WhenSessionsOutOfOrder_ListsThemByStart()
    {
        var pin = Pin.Create(EventId);

        pin.Apply(Details(1), Now);

        Assert.Equal(
            [new DateTime(2020, 11, 16, 9, 0, 0), new DateTime(2020, 11, 17, 14, 0, 0)],
            pin.Sessions.Select(s => s.Start));
    }

    [Fact]
    public void Apply_WhenSameRecordVersionAgain_ReturnsFalseAndChangesNothing()
    {
        var pin = Pin.Create(EventId);
        pin.Apply(Details(1), Now);

        var applied = pin.Apply(Details(1, "Titre rejoué", Online), Now.AddHours(1));

        Assert.False(applied);
        Assert.Equal(1, pin.RecordVersion);
        Assert.Equal("Visite de l'usine de Lille", pin.Title);
        Assert.Equal("Lille", pin.City);
        Assert.Equal(50.6292, pin.Latitude);
        Assert.False(pin.Online);
        Assert.Equal(Now, pin.PublishedAtUtc);
    }

    [Fact]
    public void Apply_WhenOlderRecordVersionArrivesLate_ReturnsFalseAndKeepsTheNewerDetails()
    {
        var pin = Pin.Create(EventId);
        pin.Apply(Details(2, "Visite de l'usine de Roubaix"), Now);

        var applied = pin.Apply(Details(1), Now.AddHours(1));

        Assert.False(applied);
        Assert.Equal(2, pin.RecordVersion);
        Assert.Equal("Visite de l'usine de Roubaix", pin.Title);
    }

    [Fact]
    public void Apply_WhenNewerRecordVersion_UpdatesTheEvent()
    {
        var pin = Pin.Create(EventId);
        pin.Apply(Details(1), Now);
        pin.Apply(Details(1, "Titre rejoué"), Now.AddHours(1));

        var applied = pin.Apply(Details(2, "Visite de l'usine de Roubaix"), Now.AddDays(1));

        Assert.True(applied);
        Assert.Equal(2, pin.RecordVersion);
        Assert.Equal("Visite de l'usine de Roubaix", pin.Title);
        Assert.Equal(Now.AddDays(1), pin.PublishedAtUtc);
    }

    [Fact]
    public void Apply_WhenOnlineOnly_HasNoCoordinatesAndIsOnline()
    {
        var pin = Pin.Create(EventId);

        pin.Apply(Details(1, location: Online), Now);

        Assert.Null(pin.Latitude);
        Assert.Null(pin.Longitude);
        Assert.True(pin.Online);
    }

    [Fact]
    public void Apply_WhenEventMovesOnline_RemovesItsCoordinates()
    {
        var pin = Pin.Create(EventId);
        pin.Apply(Details(1), Now);

        pin.Apply(Details(2, location: Online), Now.AddDays(1));

        Assert.Null(pin.Latitude);
        Assert.Null(pin.Longitude);
        Assert.True(pin.Online);
    }

    [Fact]
    public void Apply_WhenHybrid_KeepsItsCoordinatesAndIsOnline()
    {
        var pin = Pin.Create(EventId);

        pin.Apply(Details(1, location: Lille with { Mode = LocationMode.Hybrid, OnlineUrl = "https://webinaire.example.fr/industrie" }), Now);

        Assert.Equal(50.6292, pin.Latitude);
        Assert.Equal(3.0573, pin.Longitude);
        Assert.True(pin.Online);
    }

    [Fact]
    public void Apply_WhenFirstVersion_KeepsWhatThePublicPageShows()
    {
        var pin = Pin.Create(EventId);

        pin.Apply(Details(1), Now);

        Assert.Equal("Les lignes de production, les métiers de la maintenance et les apprentis du site.", pin.Description);
        Assert.Equal(["Pupils", "JobSeekers"], pin.Audiences);
        Assert.Equal(["MiningAndMetallurgy"], pin.Sectors);
        Assert.Equal(["Mixité des métiers"], pin.Topics);
        Assert.Equal(LocationMode.OnSite, pin.Mode);
        Assert.Equal("1 rue de l'Usine", pin.Street);
        Assert.Equal("59000", pin.PostalCode);
        Assert.Equal("59350", pin.InseeCode);
        Assert.Null(pin.OnlineUrl);
        Assert.True(pin.IsFree);
        Assert.True(pin.BookingRequired);
        Assert.Equal("https://acieries-du-nord.example.fr/visites", pin.BookingUrl);
        Assert.Equal(30, pin.BookingCapacity);
        Assert.Equal("visites@acieries-du-nord.example.fr", pin.ContactEmail);
        Assert.Equal("03 20 00 00 00", pin.ContactPhone);
        Assert.True(pin.Accessible);
        Assert.Equal(2020, pin.EditionYear);
        Assert.Equal(EditionId, pin.EditionId);
    }

    [Fact]
    public void ToDescription_WhenApplied_GivesBackTheEventShown()
    {
        var pin = Pin.Create(EventId);
        pin.Apply(Details(1), Now);

        var description = pin.ToDescription();

        Assert.Equal(pin.Title, description.Title);
        Assert.Equal(pin.Sessions, description.Sessions);
        Assert.Equal(pin.Street, description.Location.Street);
        Assert.Equal(new EventBooking(true, "https://acieries-du-nord.example.fr/visites", 30), description.Booking);
        Assert.Equal(new EventContact("visites@acieries-du-nord.example.fr", "03 20 00 00 00"), description.PublicContact);
    }
}
