using System.Globalization;
using IndustryWeek.Editions.Contracts;
using IndustryWeek.Editions.Domain;
using IndustryWeek.Editions.Features.CloseDueRegistrations;
using IndustryWeek.Editions.Persistence;
using IndustryWeek.Shared.PublishedLanguage;
using Microsoft.EntityFrameworkCore;
using static IndustryWeek.Editions.Tests.Domain.EditionExamples;

namespace IndustryWeek.Editions.Tests.Features.CloseDueRegistrations;

/// <summary>
/// The deadline is a Europe/Paris date: registration closes at midnight, Paris time, after its last day,
/// whatever the UTC offset (CET +1 before 29 March 2020, CEST +2 until 25 October 2020).
/// </summary>
public sealed class CloseDueRegistrationsCommandHandlerTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "industryweek-editions-tests-" + Guid.NewGuid().ToString("N"));

    private string ConnectionString => $"Data Source={Path.Combine(_directory, "editions.db")};Pooling=False";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        await using var db = CreateContext();
        await db.Database.MigrateAsync();
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("2020-03-28", "2020-03-28T22:59:59Z")] // 23:59:59 CET on the last day, the eve of spring-forward
    [InlineData("2020-10-24", "2020-10-24T21:59:59Z")] // 23:59:59 CEST on the last day, the eve of fall-back
    [InlineData("2020-03-28", "2020-03-28T12:00:00Z")]
    public async Task Handle_WhenLastRegistrationDayNotOverInParis_KeepsEditionPublished(string lastDay, string nowUtc)
    {
        await SeedPublishedAsync(DateOnly.Parse(lastDay, CultureInfo.InvariantCulture));

        var closed = await CloseDueAsync(nowUtc);

        Assert.Empty(closed);
        Assert.Equal(EditionStatus.Published, await StatusAsync());
    }

    [Theory]
    [InlineData("2020-03-28", "2020-03-28T23:00:00Z")] // 00:00 CET on 29 March, a few hours before clocks go forward
    [InlineData("2020-10-24", "2020-10-24T22:00:00Z")] // 00:00 CEST on 25 October, a few hours before clocks go back
    [InlineData("2020-03-28", "2020-03-29T01:00:05Z")] // 03:00:05 CEST on 29 March, just after the jump
    [InlineData("2020-10-24", "2020-10-25T01:00:05Z")] // 02:00:05 CET on 25 October, just after the repeated hour
    public async Task Handle_WhenMidnightInParisAfterLastRegistrationDay_ClosesEditionAndReturnsItsYear(string lastDay, string nowUtc)
    {
        await SeedPublishedAsync(DateOnly.Parse(lastDay, CultureInfo.InvariantCulture));

        var closed = await CloseDueAsync(nowUtc);

        Assert.Equal([2020], closed);
        Assert.Equal(EditionStatus.Closed, await StatusAsync());
    }

    [Fact]
    public async Task Handle_WhenRunAgainAfterClosing_ClosesNothingMore()
    {
        await SeedPublishedAsync(new DateOnly(2020, 10, 24));
        await CloseDueAsync("2020-10-24T22:00:05Z");

        var closedAgain = await CloseDueAsync("2020-10-24T23:00:05Z");

        Assert.Empty(closedAgain);
        Assert.Equal(EditionStatus.Closed, await StatusAsync());
    }

    [Fact]
    public async Task Handle_WhenDraftPastItsDeadline_LeavesItDraft()
    {
        await using (var db = CreateContext())
        {
            db.Editions.Add(Edition.Create(Id, Details2020(ScheduleClosing(new DateOnly(2020, 3, 28))), CreatedAt));
            await db.SaveChangesAsync();
        }

        var closed = await CloseDueAsync("2020-04-01T10:00:00Z");

        Assert.Empty(closed);
        Assert.Equal(EditionStatus.Draft, await StatusAsync());
    }

    private EditionsDbContext CreateContext() =>
        new(new DbContextOptionsBuilder<EditionsDbContext>().UseSqlite(ConnectionString).Options);

    private async Task SeedPublishedAsync(DateOnly lastRegistrationDay)
    {
        var edition = Edition.Create(Id, Details2020(ScheduleClosing(lastRegistrationDay)), CreatedAt);
        Assert.Null(edition.Publish(PublishedAt));
        await using var db = CreateContext();
        db.Editions.Add(edition);
        await db.SaveChangesAsync();
    }

    private async Task<IReadOnlyList<int>> CloseDueAsync(string nowUtc)
    {
        var now = DateTimeOffset.Parse(nowUtc, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        await using var db = CreateContext();
        var handler = new CloseDueRegistrationsCommandHandler(db, new FixedTimeProvider(now));
        return await handler.Handle(new CloseDueRegistrationsCommand(), CancellationToken.None);
    }

    private async Task<EditionStatus> StatusAsync()
    {
        await using var db = CreateContext();
        return (await db.Editions.AsNoTracking().SingleAsync(e => e.Id == Id)).Status;
    }

    /// <summary>Events in the autumn after the deadline, so that every date rule holds.</summary>
    private static EditionSchedule ScheduleClosing(DateOnly lastRegistrationDay) => new()
    {
        HeadlineWeek = new DatePeriod(new DateOnly(2020, 11, 16), new DateOnly(2020, 11, 22)),
        EventPeriod = new DatePeriod(new DateOnly(2020, 3, 30), new DateOnly(2020, 11, 22)),
        RegionalPeriods = [],
        RegistrationCloses = lastRegistrationDay,
    };

    private sealed class FixedTimeProvider(DateTimeOffset utcNow) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => utcNow;
    }
}
