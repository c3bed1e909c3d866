using IndustryWeek.CommunicationKit.Domain;
using IndustryWeek.Shared.PublishedLanguage;

namespace IndustryWeek.CommunicationKit.Tests.Domain;

public sealed class KitTests
{
    private static readonly DateTime GrantedAt = KitSamples.GrantedAtUtc;

    private static Kit Granted(int labelVersion = 1) =>
        Kit.Grant(KitSamples.EventId, Guid.Parse("2020aaaa-0000-0000-0000-000000000010"), 2020, KitSamples.LabelNumber, labelVersion, KitSamples.FactoryVisit(), KitSamples.AcieriesDuNord(), GrantedAt);

    private static EventDescription Renamed(string title) => KitSamples.FactoryVisit(title);

    [Fact]
    public void Grant_WhenLabelGranted_GivesAnActiveKitOfTheEventAsLabelled()
    {
        var kit = Granted();

        Assert.Equal(KitState.Active, kit.State);
        Assert.Equal("SDI-2020-000123", kit.LabelNumber);
        Assert.Equal("Visite de l'usine de Lille", kit.Event.Title);
        Assert.Equal(0, kit.EventRevision);
        Assert.Equal("v1-r0", kit.ContentFingerprint);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Regrant_WhenVersionIsNotNewer_IgnoresItAndKeepsTheKit(int labelVersion)
    {
        var kit = Granted(labelVersion: 2);
        var version = kit.Version;

        var applied = kit.Regrant(labelVersion, "SDI-2020-000999", Renamed("Ancien titre"), KitSamples.AcieriesDuNord("Ancien nom"), GrantedAt.AddDays(1));

        Assert.False(applied);
        Assert.Equal("SDI-2020-000123", kit.LabelNumber);
        Assert.Equal("Visite de l'usine de Lille", kit.Event.Title);
        Assert.Equal("Aciéries du Nord", kit.Organiser.OrganisationName);
        Assert.Equal(GrantedAt, kit.GrantedAtUtc);
        Assert.Equal(version, kit.Version);
    }

    [Fact]
    public void Regrant_WhenNewerVersionAfterAWithdrawal_ReactivatesTheKitWithTheNewLabel()
    {
        var kit = Granted();
        kit.Withdraw("Label suspendu par la modération.", GrantedAt.AddDays(1));
        var regrantedAt = GrantedAt.AddDays(2);

        var applied = kit.Regrant(2, "SDI-2020-000124", Renamed("Visite de l'usine de Lille et de son laboratoire"), KitSamples.AcieriesDuNord(), regrantedAt);

        Assert.True(applied);
        Assert.Equal(KitState.Active, kit.State);
        Assert.Null(kit.WithdrawnReason);
        Assert.Equal("SDI-2020-000124", kit.LabelNumber);
        Assert.Equal(2, kit.LabelVersion);
        Assert.Equal("Visite de l'usine de Lille et de son laboratoire", kit.Event.Title);
        Assert.Equal(regrantedAt, kit.GrantedAtUtc);
        Assert.Equal(regrantedAt, kit.UpdatedAtUtc);
    }

    [Fact]
    public void ApplyChange_WhenNewerRevision_RebuildsFromTheChangedEvent()
    {
        var kit = Granted();
        var version = kit.Version;
        var changedAt = GrantedAt.AddHours(5);

        var applied = kit.ApplyChange(3, Renamed("Visite de l'usine de Lille (nouveau parcours)"), KitSamples.AcieriesDuNord(), changedAt);

        Assert.True(applied);
        Assert.Equal(3, kit.EventRevision);
        Assert.Equal("Visite de l'usine de Lille (nouveau parcours)", kit.Event.Title);
        Assert.Equal(changedAt, kit.UpdatedAtUtc);
        Assert.Equal(version + 1, kit.Version);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void ApplyChange_WhenRevisionIsStaleOrRepeated_IgnoresIt(int revision)
    {
        var kit = Granted();
        kit.ApplyChange(3, Renamed("Titre de la révision 3"), KitSamples.AcieriesDuNord(), GrantedAt.AddHours(1));
        var version = kit.Version;

        var applied = kit.ApplyChange(revision, Renamed("Titre périmé"), KitSamples.AcieriesDuNord(), GrantedAt.AddHours(2));

        Assert.False(applied);
        Assert.Equal(3, kit.EventRevision);
        Assert.Equal("Titre de la révision 3", kit.Event.Title);
        Assert.Equal(version, kit.Version);
    }

    [Fact]
    public void ApplyChange_WhenKitIsWithdrawn_IgnoresTheChange()
    {
        var kit = Granted();
        kit.Withdraw("Événement annulé par l'organisateur.", GrantedAt.AddDays(1));

        var applied = kit.ApplyChange(1, Renamed("Titre après annulation"), KitSamples.AcieriesDuNord(), GrantedAt.AddDays(2));

        Assert.False(applied);
        Assert.Equal(KitState.Withdrawn, kit.State);
        Assert.Equal(0, kit.EventRevision);
        Assert.Equal("Visite de l'usine de Lille", kit.Event.Title);
    }

    [Fact]
    public void ContentFingerprint_WhenLabelVersionOrRevisionChanges_ChangesToo()
    {
        var kit = Granted();
        var fingerprints = new List<string> { kit.ContentFingerprint };

        kit.ApplyChange(4, Renamed("Visite de l'usine de Lille, révisée"), KitSamples.AcieriesDuNord(), GrantedAt.AddHours(1));
        fingerprints.Add(kit.ContentFingerprint);
        kit.Regrant(2, KitSamples.LabelNumber, Renamed("Visite de l'usine de Lille, relabellisée"), KitSamples.AcieriesDuNord(), GrantedAt.AddDays(1));
        fingerprints.Add(kit.ContentFingerprint);

        Assert.Equal(["v1-r0", "v1-r4", "v2-r4"], fingerprints);
    }

    [Fact]
    public void ContentFingerprint_WhenChangeIsIgnored_StaysTheSame()
    {
        var kit = Granted(labelVersion: 2);
        var before = kit.ContentFingerprint;

        kit.Regrant(1, KitSamples.LabelNumber, Renamed("Titre périmé"), KitSamples.AcieriesDuNord(), GrantedAt.AddDays(1));
        kit.ApplyChange(0, Renamed("Titre périmé"), KitSamples.AcieriesDuNord(), GrantedAt.AddDays(1));

        Assert.Equal(before, kit.ContentFingerprint);
    }

    [Fact]
    public void Withdraw_WhenReasonIsVeryLong_KeepsIts500FirstCharacters()
    {
        var kit = Granted();

        kit.Withdraw(new string('a', 800), GrantedAt.AddDays(1));

        Assert.Equal(KitState.Withdrawn, kit.State);
        Assert.Equal(500, kit.WithdrawnReason!.Length);
    }
}
