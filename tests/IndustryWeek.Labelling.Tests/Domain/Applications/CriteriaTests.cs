using IndustryWeek.Labelling.Domain.Applications;
using IndustryWeek.Shared.PublishedLanguage;

namespace IndustryWeek.Labelling.Tests.Domain.Applications;

/// <summary>
/// The four criteria as the organiser and the moderator read them. The 2020 edition as rescheduled:
/// 16 – 22 November 2020 nationally, Hauts-de-France (« 32 ») from 9 to 29 November.
/// </summary>
public sealed class CriteriaTests
{
    private static readonly EditionScheduleView Schedule = new(
        new DatePeriod(new DateOnly(2020, 11, 16), new DateOnly(2020, 11, 22)),
        [new RegionalPeriod("32", new DateOnly(2020, 11, 9), new DateOnly(2020, 11, 29))]);

    // ---- 1. in France, within the period ----

    [Theory]
    [InlineData("2020-11-16T09:00", "2020-11-16T12:00")] // the first day
    [InlineData("2020-11-22T20:00", "2020-11-22T23:59")] // the last day
    [InlineData("2020-11-22T20:00", "2020-11-23T00:00")] // ends exactly at midnight: still the last day
    [InlineData("2020-11-16T00:00", "2020-11-22T23:00")] // the whole week in one session
    public void PlaceAndPeriod_WhenEverySessionIsWithinTheNationalPeriod_Passed(string start, string end)
    {
        var result = PlaceAndPeriod(Snapshots.With(sessions: [(start, end)], regionCode: "11"));

        Assert.Equal(CriterionOutcome.Passed, result.Outcome);
        Assert.Equal("À Lille ; toutes les séances ont lieu du 16 novembre 2020 au 22 novembre 2020.", result.Detail);
    }

    [Theory]
    [InlineData("2020-11-15T09:00", "2020-11-15T12:00", "dimanche 15 novembre 2020, 9 h 00 – 12 h 00")] // the day before
    [InlineData("2020-11-23T09:00", "2020-11-23T12:00", "lundi 23 novembre 2020, 9 h 00 – 12 h 00")] // the day after
    [InlineData("2020-11-22T20:00", "2020-11-23T01:00", "du dimanche 22 novembre 2020, 20 h 00 au lundi 23 novembre 2020, 1 h 00")] // crosses midnight into the day after
    [InlineData("2020-11-15T23:00", "2020-11-16T02:00", "du dimanche 15 novembre 2020, 23 h 00 au lundi 16 novembre 2020, 2 h 00")] // starts the day before
    public void PlaceAndPeriod_WhenASessionIsOneDayOutside_FailedNamingIt(string start, string end, string session)
    {
        var result = PlaceAndPeriod(Snapshots.With(sessions: [(start, end)], regionCode: "11"));

        Assert.Equal(CriterionOutcome.Failed, result.Outcome);
        Assert.Equal($"Hors de la période du 16 novembre 2020 au 22 novembre 2020 : {session}.", result.Detail);
    }

    [Fact]
    public void PlaceAndPeriod_WhenOnlyOneOfSeveralSessionsIsOutside_FailedNamingOnlyThatOne()
    {
        var result = PlaceAndPeriod(Snapshots.With(sessions: [("2020-11-17T09:00", "2020-11-17T12:00"), ("2020-11-24T14:00", "2020-11-24T16:00")], regionCode: "11"));

        Assert.Equal(CriterionOutcome.Failed, result.Outcome);
        Assert.EndsWith(" : mardi 24 novembre 2020, 14 h 00 – 16 h 00.", result.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("17 novembre", result.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2020-11-09T09:00", "2020-11-09T12:00")] // the region's first day, a week before the national one
    [InlineData("2020-11-29T20:00", "2020-11-30T00:00")] // the region's last day, until midnight
    public void PlaceAndPeriod_WhenTheRegionHasAWiderPeriod_PassedWithinIt(string start, string end)
    {
        var inHautsDeFrance = PlaceAndPeriod(Snapshots.With(sessions: [(start, end)], regionCode: "32"));
        var inIleDeFrance = PlaceAndPeriod(Snapshots.With(sessions: [(start, end)], regionCode: "11"));

        Assert.Equal(CriterionOutcome.Passed, inHautsDeFrance.Outcome);
        Assert.Equal("À Lille ; toutes les séances ont lieu du 9 novembre 2020 au 29 novembre 2020 (période de la région Hauts-de-France).", inHautsDeFrance.Detail);
        Assert.Equal(CriterionOutcome.Failed, inIleDeFrance.Outcome);
    }

    [Theory]
    [InlineData("2020-11-08T09:00", "2020-11-08T12:00")]
    [InlineData("2020-11-29T20:00", "2020-11-30T00:30")]
    public void PlaceAndPeriod_WhenOutsideTheRegionsOwnPeriod_FailedNamingTheRegion(string start, string end)
    {
        var result = PlaceAndPeriod(Snapshots.With(sessions: [(start, end)], regionCode: "32"));

        Assert.Equal(CriterionOutcome.Failed, result.Outcome);
        Assert.StartsWith("Hors de la période du 9 novembre 2020 au 29 novembre 2020 (période de la région Hauts-de-France) : ", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void PlaceAndPeriod_WhenOnlineEvent_JudgedOnTheNationalPeriod()
    {
        var during = PlaceAndPeriod(Snapshots.With(sessions: [("2020-11-18T14:00", "2020-11-18T15:00")], online: true));
        var regionalWeekOnly = PlaceAndPeriod(Snapshots.With(sessions: [("2020-11-10T14:00", "2020-11-10T15:00")], online: true));

        Assert.Equal(CriterionOutcome.Passed, during.Outcome);
        Assert.Equal("En ligne ; toutes les séances ont lieu du 16 novembre 2020 au 22 novembre 2020.", during.Detail);
        Assert.Equal(CriterionOutcome.Failed, regionalWeekOnly.Outcome);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("99")]
    public void PlaceAndPeriod_WhenOnSiteButNotInAFrenchRegion_Failed(string? regionCode)
    {
        var result = PlaceAndPeriod(Snapshots.With(regionCode: regionCode));

        Assert.Equal(CriterionOutcome.Failed, result.Outcome);
        Assert.Equal("Le lieu n'est pas une commune française.", result.Detail);
    }

    [Fact]
    public void PlaceAndPeriod_WhenTheEditionsDatesAreNotKnownYet_ToReview()
    {
        var result = Criteria.Check(Snapshots.FactoryVisit().Event, schedule: null, industryConfirmed: false)[0];

        Assert.Equal(CriterionOutcome.ToReview, result.Outcome);
        Assert.Equal("Les dates de l'édition ne sont pas encore connues : à vérifier.", result.Detail);
    }

    // ---- 2. open to the public ----

    [Theory]
    [InlineData(new[] { "Employees" }, "Failed")]
    [InlineData(new[] { "Employees", "Pupils" }, "Passed")]
    [InlineData(new[] { "GeneralPublic" }, "Passed")]
    [InlineData(new[] { "Other" }, "Passed")]
    public void OpenToPublic_ByAudiences_FailsOnlyWhenReservedToEmployees(string[] audiences, string outcome)
    {
        var expected = Enum.Parse<CriterionOutcome>(outcome);
        var result = Check(Snapshots.With(audiences: audiences)).Single(c => c.Criterion == Criterion.OpenToPublic);

        Assert.Equal(expected, result.Outcome);
        Assert.Equal(
            expected == CriterionOutcome.Failed
                ? "Réservé aux salariés de l'organisation : l'événement doit être ouvert au public."
                : "Au moins un public extérieur à l'organisation est accueilli.",
            result.Detail);
    }

    // ---- 3. about industry ----

    [Theory]
    [InlineData(true, "L'organisateur déclare faire découvrir l'industrie, ses métiers et ses formations ; le modérateur le confirme.")]
    [InlineData(false, "L'organisateur ne déclare pas faire découvrir l'industrie : le modérateur en juge.")]
    public void AboutIndustry_UntilAModeratorConfirms_AlwaysToReview(bool declared, string detail)
    {
        var result = Check(Snapshots.With(aboutIndustry: declared)).Single(c => c.Criterion == Criterion.AboutIndustry);

        Assert.Equal(CriterionOutcome.ToReview, result.Outcome);
        Assert.Equal(detail, result.Detail);
    }

    [Fact]
    public void AboutIndustry_WhenTheModeratorConfirmed_Passed()
    {
        var result = Criteria.Check(Snapshots.FactoryVisit().Event, Schedule, industryConfirmed: true).Single(c => c.Criterion == Criterion.AboutIndustry);

        Assert.Equal(CriterionOutcome.Passed, result.Outcome);
        Assert.Equal("Confirmé par le modérateur.", result.Detail);
    }

    // ---- 4. free ----

    [Theory]
    [InlineData(true, "Passed", "Gratuit.")]
    [InlineData(false, "Failed", "L'événement est payant : seuls les événements gratuits sont labellisés.")]
    public void FreeOfCharge_ByPrice_FailsWhenPaid(bool isFree, string outcome, string detail)
    {
        var expected = Enum.Parse<CriterionOutcome>(outcome);
        var result = Check(Snapshots.With(isFree: isFree)).Single(c => c.Criterion == Criterion.FreeOfCharge);

        Assert.Equal((expected, detail), (result.Outcome, result.Detail));
    }

    // ---- together ----

    [Fact]
    public void Check_AnEligibleEvent_GivesTheFourCriteriaInOrderOnlyIndustryLeftToReview()
    {
        var results = Check(Snapshots.FactoryVisit());

        Assert.Equal(
            [(Criterion.PlaceAndPeriod, CriterionOutcome.Passed), (Criterion.OpenToPublic, CriterionOutcome.Passed), (Criterion.AboutIndustry, CriterionOutcome.ToReview), (Criterion.FreeOfCharge, CriterionOutcome.Passed)],
            results.Select(r => (r.Criterion, r.Outcome)));
        Assert.Empty(Criteria.Blocking(results));
    }

    [Fact]
    public void Blocking_WhenCriteriaOneTwoAndFourFail_ListsThemButNeverTheModeratorsOwnCriterion()
    {
        var results = Check(Snapshots.With(sessions: [("2020-12-01T09:00", "2020-12-01T12:00")], audiences: ["Employees"], isFree: false, aboutIndustry: false));

        Assert.Equal([Criterion.PlaceAndPeriod, Criterion.OpenToPublic, Criterion.FreeOfCharge], Criteria.Blocking(results).Select(r => r.Criterion));
    }

    private static IReadOnlyList<CriterionResult> Check(EventSnapshot snapshot) => Criteria.Check(snapshot.Event, Schedule, industryConfirmed: false);

    private static CriterionResult PlaceAndPeriod(EventSnapshot snapshot) => Check(snapshot).Single(c => c.Criterion == Criterion.PlaceAndPeriod);
}
