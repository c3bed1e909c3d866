using IndustryWeek.Labelling.Domain.Applications;
using IndustryWeek.Shared.Domain;

namespace IndustryWeek.Labelling.Tests.Domain.Applications;

public sealed class LabellingApplicationTests
{
    private static readonly Guid EventId = Guid.Parse("0b8f5f5e-2f6c-4f7a-9a37-5a0b9e1f0c11");
    private static readonly Guid EditionId = Guid.Parse("7d2c9a61-3a1e-4e0b-8f0d-2b4c6e8a0f22");
    private static readonly DateTime SubmittedAt = new(2020, 10, 1, 8, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime GrantedAt = new(2020, 10, 5, 9, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void Open_WhenSubmitted_IsPendingWithoutLabelInTheEventsRegion()
    {
        var application = Open();

        Assert.Equal(ApplicationStatus.Pending, application.Status);
        Assert.Null(application.LabelNumber);
        Assert.Equal(0, application.LabelVersion);
        Assert.Equal("32", application.RegionCode);
        Assert.IsType<CriteriaCheckedDomainEvent>(Assert.Single(application.DomainEvents)); // the organiser sees the criteria at once
    }

    [Fact]
    public void Grant_WhenPending_GrantsLabelVersionOneAndRaisesOneLabelGranted()
    {
        var application = Open();

        application.Grant("SDI-2020-000001", "moderateur@example.fr", "Très bel événement", GrantedAt);

        Assert.Equal(ApplicationStatus.Granted, application.Status);
        Assert.Equal("SDI-2020-000001", application.LabelNumber);
        Assert.Equal(1, application.LabelVersion);
        Assert.Equal(GrantedAt, application.GrantedAtUtc);
        Assert.Equal("moderateur@example.fr", application.GrantedBy);
        Assert.Equal("Très bel événement", application.GrantComment);
        Assert.Single(application.DomainEvents.OfType<LabelGrantedDomainEvent>());
    }

    [Fact]
    public void CheckCanBeGranted_WhenPending_AllowsIt()
    {
        Assert.Null(Open().CheckCanBeGranted());
    }

    [Fact]
    public void CheckCanBeGranted_WhenAlreadyGranted_ReturnsConflictNamingTheLabelNumber()
    {
        var application = Open();
        application.Grant("SDI-2020-000001", "moderateur@example.fr", null, GrantedAt);

        var error = application.CheckCanBeGranted();

        Assert.NotNull(error);
        Assert.Equal(ErrorKind.Conflict, error.Kind);
        Assert.Contains("déjà labellisé", error.Message, StringComparison.Ordinal);
        Assert.Contains("SDI-2020-000001", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Grant_WhenAlreadyGranted_ThrowsAndKeepsTheFirstGrant()
    {
        var application = Open();
        application.Grant("SDI-2020-000001", "moderateur@example.fr", null, GrantedAt);

        var thrown = Assert.Throws<InvalidOperationException>(
            () => application.Grant("SDI-2020-000002", "autre@example.fr", null, GrantedAt.AddHours(1)));

        Assert.Contains("SDI-2020-000001", thrown.Message, StringComparison.Ordinal);
        Assert.Equal("SDI-2020-000001", application.LabelNumber);
        Assert.Equal(1, application.LabelVersion);
        Assert.Equal("moderateur@example.fr", application.GrantedBy);
        Assert.Single(application.DomainEvents.OfType<LabelGrantedDomainEvent>());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Resubmit_WhenSubmissionNotNewer_ReturnsFalseAndChangesNothing(int submissionNumber)
    {
        var application = LabellingApplication.Open(EventId, EditionId, 2020, 2, Snapshots.FactoryVisit(), SubmittedAt);
        application.Grant("SDI-2020-000001", "moderateur@example.fr", null, GrantedAt);
        var revision = application.Revision;

        var changed = application.Resubmit(
            submissionNumber, Snapshots.FactoryVisit("Ancien titre", regionCode: "53"), SubmittedAt.AddDays(3));

        Assert.False(changed);
        Assert.Equal(2, application.SubmissionNumber);
        Assert.Equal("Visite de l'usine de Lille", application.Snapshot.Event.Title);
        Assert.Equal("32", application.RegionCode);
        Assert.Equal(SubmittedAt, application.SubmittedAtUtc);
        Assert.Equal(ApplicationStatus.Granted, application.Status);
        Assert.Equal(revision, application.Revision);
    }

    [Fact]
    public void Resubmit_WhenNewerAfterGrant_ReturnsToModerationWithTheNewDetails()
    {
        var application = Open();
        application.Grant("SDI-2020-000001", "moderateur@example.fr", null, GrantedAt);

        var changed = application.Resubmit(2, Snapshots.FactoryVisit("Visite de l'usine de Roubaix", regionCode: "32"), SubmittedAt.AddDays(10));

        Assert.True(changed);
        Assert.Equal(ApplicationStatus.Pending, application.Status);
        Assert.Equal(2, application.SubmissionNumber);
        Assert.Equal("Visite de l'usine de Roubaix", application.Snapshot.Event.Title);
        Assert.Equal(SubmittedAt.AddDays(10), application.SubmittedAtUtc);
        Assert.Null(application.CheckCanBeGranted());
    }

    [Fact]
    public void Resubmit_WhenEventMovesToAnotherRegion_GoesToThatRegionsModerators()
    {
        var application = Open();

        application.Resubmit(2, Snapshots.FactoryVisit(regionCode: "53"), SubmittedAt.AddDays(1));

        Assert.Equal("53", application.RegionCode);
    }

    [Fact]
    public void Grant_WhenGrantedAgainAfterResubmission_KeepsTheSameLabelNumberAsVersionTwo()
    {
        var application = Open();
        application.Grant("SDI-2020-000001", "moderateur@example.fr", null, GrantedAt);
        application.ClearDomainEvents(); // saved: the outbox took the first LabelGranted
        application.Resubmit(2, Snapshots.FactoryVisit("Visite de l'usine de Roubaix"), SubmittedAt.AddDays(10));

        application.Grant("SDI-2020-000007", "moderateur@example.fr", null, GrantedAt.AddDays(11));

        Assert.Equal(ApplicationStatus.Granted, application.Status);
        Assert.Equal("SDI-2020-000001", application.LabelNumber);
        Assert.Equal(2, application.LabelVersion);
        Assert.Equal(GrantedAt.AddDays(11), application.GrantedAtUtc);
        Assert.Single(application.DomainEvents.OfType<LabelGrantedDomainEvent>());
    }

    private static LabellingApplication Open() =>
        LabellingApplication.Open(EventId, EditionId, 2020, 1, Snapshots.FactoryVisit(), SubmittedAt);
}
