using IndustryWeek.CommunicationKit.Domain;

namespace IndustryWeek.CommunicationKit.Tests.Domain;

public sealed class ResendPolicyTests
{
    private static readonly DateTime Now = new(2020, 11, 16, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void NextAllowedUtc_WhenNeverResent_AllowsNow()
    {
        Assert.Null(ResendPolicy.NextAllowedUtc([], Now));
    }

    [Fact]
    public void NextAllowedUtc_WhenLastResendWasFourMinutesAgo_WaitsUntilTenMinutesAfterIt()
    {
        var last = Now.AddMinutes(-4);

        Assert.Equal(last.AddMinutes(10), ResendPolicy.NextAllowedUtc([last], Now));
    }

    [Fact]
    public void NextAllowedUtc_WhenLastResendWasExactlyTenMinutesAgo_AllowsNow()
    {
        Assert.Null(ResendPolicy.NextAllowedUtc([Now.AddMinutes(-10)], Now));
    }

    [Fact]
    public void NextAllowedUtc_WhenSeveralResends_CountsTheTenMinutesFromTheLatestWhateverTheOrder()
    {
        var resends = new[] { Now.AddMinutes(-3), Now.AddHours(-2), Now.AddMinutes(-50) };

        Assert.Equal(Now.AddMinutes(7), ResendPolicy.NextAllowedUtc(resends, Now));
    }

    [Fact]
    public void NextAllowedUtc_WhenFourResendsInTheLastDay_AllowsAFifth()
    {
        var resends = new[] { Now.AddHours(-20), Now.AddHours(-15), Now.AddHours(-8), Now.AddHours(-1) };

        Assert.Null(ResendPolicy.NextAllowedUtc(resends, Now));
    }

    [Fact]
    public void NextAllowedUtc_WhenFiveResendsInTheLastDay_WaitsUntil24HoursAfterTheFifthMostRecent()
    {
        var resends = new[] { Now.AddHours(-23), Now.AddHours(-20), Now.AddHours(-10), Now.AddHours(-5), Now.AddHours(-1) };

        Assert.Equal(Now.AddHours(1), ResendPolicy.NextAllowedUtc(resends, Now));
    }

    [Fact]
    public void NextAllowedUtc_WhenSixResendsInTheLastDay_CountsFromTheFifthMostRecentNotTheOldest()
    {
        var resends = new[] { Now.AddHours(-23.5), Now.AddHours(-22), Now.AddHours(-20), Now.AddHours(-10), Now.AddHours(-5), Now.AddHours(-1) };

        Assert.Equal(Now.AddHours(2), ResendPolicy.NextAllowedUtc(resends, Now));
    }

    [Fact]
    public void NextAllowedUtc_WhenBothLimitsApply_WaitsForTheLaterOne()
    {
        // The day limit ends in 5 minutes, the ten minutes after the last resend in 8.
        var resends = new[] { Now.AddHours(-24).AddMinutes(5), Now.AddHours(-12), Now.AddHours(-6), Now.AddHours(-1), Now.AddMinutes(-2) };

        Assert.Equal(Now.AddMinutes(8), ResendPolicy.NextAllowedUtc(resends, Now));
    }

    [Fact]
    public void NextAllowedUtc_WhenDayLimitEndsAfterTheTenMinutes_WaitsForTheDayLimit()
    {
        var resends = new[] { Now.AddHours(-3), Now.AddHours(-2.5), Now.AddHours(-2), Now.AddHours(-1), Now.AddMinutes(-5) };

        Assert.Equal(Now.AddHours(21), ResendPolicy.NextAllowedUtc(resends, Now));
    }

    [Fact]
    public void NextAllowedUtc_WhenResendsAreOlderThan24Hours_IgnoresThem()
    {
        var resends = new[] { Now.AddHours(-30), Now.AddHours(-29), Now.AddHours(-28), Now.AddHours(-27), Now.AddHours(-26), Now.AddHours(-24) };

        Assert.Null(ResendPolicy.NextAllowedUtc(resends, Now));
    }

    [Fact]
    public void NextAllowedUtc_WhenFourRecentAndManyOldResends_CountsOnlyTheRecentOnes()
    {
        var resends = new[] { Now.AddDays(-3), Now.AddDays(-2), Now.AddHours(-25), Now.AddHours(-23), Now.AddHours(-12), Now.AddHours(-6), Now.AddHours(-1) };

        Assert.Null(ResendPolicy.NextAllowedUtc(resends, Now));
    }
}
