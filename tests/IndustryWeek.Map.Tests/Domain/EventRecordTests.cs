using IndustryWeek.Map.Domain;
using static IndustryWeek.Map.Tests.Domain.PinDetailsExamples;

namespace IndustryWeek.Map.Tests.Domain;

public sealed class EventRecordTests
{
    private static readonly Guid EventId = Guid.Parse("0b8f5f5e-2f6c-4f7a-9a37-5a0b9e1f0c11");
    private static readonly DateTime T0 = new(2020, 10, 5, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Grant_WhenFirst_ListsTheEventAsGranted()
    {
        var record = EventRecord.New(EventId, Edition, T0);

        var applied = record.Grant(Edition, 1, "SDI-2020-000001", Event(), "Aciéries du Nord", T0, T0);

        Assert.True(applied);
        Assert.True(record.Listed);
        Assert.Equal(1, record.LabelVersion);
        Assert.Equal("SDI-2020-000001", record.LabelNumber);
        Assert.Equal("Visite de l'usine de Lille", record.Event!.Title);
        Assert.Equal("Aciéries du Nord", record.OrganisationName);
        Assert.Equal(1, record.Version);
    }

    [Fact]
    public void Grant_WhenSameVersionAgain_ReturnsFalseAndKeepsTheVersion()
    {
        var record = Granted();

        var applied = record.Grant(Edition, 1, "SDI-2020-000001", Event("Rejoué"), "Aciéries du Nord", T0, T0.AddMinutes(1));

        Assert.False(applied);
        Assert.Equal(1, record.Version);
        Assert.Equal("Visite de l'usine de Lille", record.Event!.Title);
    }

    [Fact]
    public void Grant_WhenOlderVersionArrivesLate_ReturnsFalseAndKeepsTheNewer()
    {
        var record = EventRecord.New(EventId, Edition, T0);
        record.Grant(Edition, 2, "SDI-2020-000001", Event("Version 2"), "Aciéries du Nord", T0.AddDays(1), T0);

        var applied = record.Grant(Edition, 1, "SDI-2020-000001", Event("Version 1"), "Aciéries du Nord", T0, T0);

        Assert.False(applied);
        Assert.Equal(2, record.LabelVersion);
        Assert.Equal("Version 2", record.Event!.Title);
    }

    [Fact]
    public void Change_WhenNewerRevision_ShowsTheNewDescriptionAndGrowsTheVersion()
    {
        var record = Granted();

        var applied = record.Change(Edition, 3, Event("Nouveau titre", Online), "Aciéries du Nord SAS", T0.AddHours(2), T0.AddHours(2));

        Assert.True(applied);
        Assert.True(record.Listed);
        Assert.Equal("Nouveau titre", record.Event!.Title);
        Assert.Equal("Aciéries du Nord SAS", record.OrganisationName);
        Assert.Equal(3, record.EventRevision);
        Assert.Equal(2, record.Version);
    }

    [Fact]
    public void Change_WhenRevisionAlreadyApplied_ReturnsFalse()
    {
        var record = Granted();
        record.Change(Edition, 3, Event("Révision 3"), "Aciéries du Nord", T0.AddHours(2), T0.AddHours(2));

        var applied = record.Change(Edition, 2, Event("Révision 2"), "Aciéries du Nord", T0.AddHours(1), T0.AddHours(3));

        Assert.False(applied);
        Assert.Equal("Révision 3", record.Event!.Title);
        Assert.Equal(2, record.Version);
    }

    [Fact]
    public void Change_WhenNoGrantSeenYet_KeepsTheDescriptionWithoutListing()
    {
        var record = EventRecord.New(EventId, Edition, T0);

        record.Change(Edition, 4, Event("Modifié"), "Aciéries du Nord", T0, T0);

        Assert.False(record.Listed);
        Assert.Equal("Modifié", record.Event!.Title);
    }

    [Fact]
    public void Grant_WhenAChangeMadeAfterTheGrantArrivedFirst_KeepsTheChangedDescription()
    {
        // Registration's change (at T0 + 2 h) was dispatched before Labelling's grant (at T0 + 1 h).
        var record = EventRecord.New(EventId, Edition, T0);
        record.Change(Edition, 5, Event("Titre modifié après le label"), "Aciéries du Nord", T0.AddHours(2), T0.AddHours(2));

        record.Grant(Edition, 2, "SDI-2020-000001", Event("Titre au moment du label"), "Aciéries du Nord", T0.AddHours(1), T0.AddHours(3));

        Assert.True(record.Listed);
        Assert.Equal(2, record.LabelVersion);
        Assert.Equal("Titre modifié après le label", record.Event!.Title);
    }

    [Theory]
    [InlineData("Revoked")]
    [InlineData("Suspended")]
    public void Grant_WhenDecidedAfterARevocationOrSuspension_ListsTheEventAgain(string removal)
    {
        var reason = Enum.Parse<RemovalReason>(removal);
        var record = Granted();
        record.Remove(reason, T0.AddDays(1), T0.AddDays(1));
        Assert.False(record.Listed);

        record.Grant(Edition, 2, "SDI-2020-000001", Event("Nouvelles dates"), "Aciéries du Nord", T0.AddDays(2), T0.AddDays(2));

        Assert.True(record.Listed);
        Assert.Equal("Nouvelles dates", record.Event!.Title);
    }

    [Fact]
    public void Grant_WhenDecidedBeforeTheRevocationButArrivingAfter_StaysRemoved()
    {
        var record = EventRecord.New(EventId, Edition, T0);
        record.Remove(RemovalReason.Revoked, T0.AddDays(1), T0.AddDays(1));

        record.Grant(Edition, 1, "SDI-2020-000001", Event(), "Aciéries du Nord", T0, T0.AddDays(2));

        Assert.False(record.Listed);
        Assert.Equal(1, record.LabelVersion);
    }

    [Theory]
    [InlineData("Cancelled")]
    [InlineData("Withdrawn")]
    public void Remove_WhenCancelledOrWithdrawn_NeverListsAgain(string removal)
    {
        var reason = Enum.Parse<RemovalReason>(removal);
        var record = Granted();

        record.Remove(reason, T0.AddDays(1), T0.AddDays(1));
        record.Grant(Edition, 2, "SDI-2020-000001", Event(), "Aciéries du Nord", T0.AddDays(2), T0.AddDays(2));

        Assert.False(record.Listed);
        Assert.True(record.RemovedForGood);
        Assert.Equal(reason, record.RemovalReason);
    }

    [Fact]
    public void Remove_WhenSameRemovalTwice_ReturnsFalseTheSecondTime()
    {
        var record = Granted();

        Assert.True(record.Remove(RemovalReason.Suspended, T0.AddDays(1), T0.AddDays(1)));
        Assert.False(record.Remove(RemovalReason.Suspended, T0.AddDays(1), T0.AddDays(2)));
        Assert.Equal(2, record.Version);
    }

    [Fact]
    public void Remove_WhenCancellationOlderThanARevocationArrivesLate_StillRemovesForGood()
    {
        var record = Granted();
        record.Remove(RemovalReason.Revoked, T0.AddDays(2), T0.AddDays(2));

        var applied = record.Remove(RemovalReason.Cancelled, T0.AddDays(1), T0.AddDays(3));

        Assert.True(applied);
        Assert.True(record.RemovedForGood);
        Assert.Equal(RemovalReason.Revoked, record.RemovalReason);
        Assert.Equal(T0.AddDays(2), record.RemovedAtUtc);
    }

    [Fact]
    public void FromPin_WhenPublishedBeforeRecordsExisted_IsListedAsGrantedThen()
    {
        var pin = Pin.Create(EventId);
        pin.Apply(Details(1, labelVersion: 3), T0);

        var record = EventRecord.FromPin(pin);

        Assert.True(record.Listed);
        Assert.Equal(3, record.LabelVersion);
        Assert.Equal(T0, record.GrantedAtUtc);
        Assert.Equal(pin.Title, record.Event!.Title);
        Assert.Equal(pin.RecordVersion, record.Version);
    }

    private static EventRecord Granted()
    {
        var record = EventRecord.New(EventId, Edition, T0);
        record.Grant(Edition, 1, "SDI-2020-000001", Event(), "Aciéries du Nord", T0, T0);
        return record;
    }
}
