using System.Net.Http.Json;
using IndustryWeek.Shared.Time;
using IndustryWeek.Testing;
using Microsoft.Extensions.DependencyInjection;
using IndustryWeek.Shared.Jobs;

namespace IndustryWeek.Host.Tests.Labelling;

/// <summary>The daily digest: each moderator is mailed their regions' applications waiting for more than 2 working days.</summary>
public sealed class ModeratorDigestTests
{
    private const string Password = "Mot-de-passe-2020";

    [Fact]
    public async Task Digest_OnAWorkingDay_MailsEachModeratorTheirOldPendingApplicationsOnly()
    {
        await using var database = TestDatabase.CreateSqlite();
        var clock = new TestClock();
        await using var platform = new PlatformFactory(database) { Clock = clock };
        clock.MoveTo(NextWorkingDayAtNine());
        using var admin = await platform.SignedInClientAsync();
        foreach (var (email, region) in new[] { ("moderateur.hdf@tests.local", "32"), ("moderateur.idf@tests.local", "11"), ("moderateur.paca@tests.local", "93") })
        {
            await platform.CreateUserAsync(email, Password, []);
            (await admin.PostAsJsonAsync($"/api/admin/users/{email}/roles", new { roles = new[] { "Moderator" }, regions = new[] { region } })).EnsureSuccessStatusCode();
        }

        var old = SampleEvents.FactoryVisit(title: "Visite de l'aciérie");
        var fresh = SampleEvents.FactoryVisit(title: "Atelier soudure") with { SubmittedAtUtc = clock.GetUtcNow().UtcDateTime };
        var marseille = SampleEvents.FactoryVisit(regionCode: "93", title: "Chantier naval de Marseille");
        foreach (var submitted in new[] { old, fresh, marseille })
        {
            await platform.PublishAsync(submitted);
        }

        await Eventually.WaitAsync(
            async () => await database.ScalarAsync("SELECT COUNT(*) FROM labelling_moderators WHERE \"IsModerator\"") == 3,
            "Labelling knows the three moderators");
        await using (var scope = platform.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<IJobOperations>().TriggerRecurringAsync("labelling.moderator-digest", "test", CancellationToken.None)).IsSuccess);
        }

        // (The organiser is also told each submission was received.)
        List<MailFile> Digests() => [.. platform.Mails().Select(MailFile.Read).Where(m => m.Subject.Contains("en attente", StringComparison.Ordinal)).OrderBy(m => m.To, StringComparer.Ordinal)];
        await Eventually.WaitAsync(() => Task.FromResult(Digests().Count == 2), "the two moderators with old applications are mailed");

        var mails = Digests();
        Assert.Equal(["moderateur.hdf@tests.local", "moderateur.paca@tests.local"], mails.Select(m => m.To));
        Assert.Equal("Semaine de l'industrie : 1 demande de label en attente", mails[0].Subject);
        Assert.Contains("« Visite de l'aciérie », Usine Exemple SAS, Valenciennes (59)", mails[0].Body, StringComparison.Ordinal);
        Assert.Contains($"http://localhost:5080/moderation/demandes/{old.EventId}", mails[0].Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Atelier soudure", mails[0].Body, StringComparison.Ordinal);
        Assert.Contains("Chantier naval de Marseille", mails[1].Body, StringComparison.Ordinal);
        Assert.Contains("EN RETARD", mails[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Digest_ToALockedModerator_IsNotSent_UntilTheAccountIsUnlocked()
    {
        await using var database = TestDatabase.CreateSqlite();
        var clock = new TestClock();
        await using var platform = new PlatformFactory(database) { Clock = clock };
        clock.MoveTo(NextWorkingDayAtNine());
        using var admin = await platform.SignedInClientAsync();
        const string moderator = "moderateur.hdf@tests.local";
        await platform.CreateUserAsync(moderator, Password, []);
        (await admin.PostAsJsonAsync($"/api/admin/users/{moderator}/roles", new { roles = new[] { "Moderator" }, regions = new[] { "32" } })).EnsureSuccessStatusCode();
        await platform.PublishAsync(SampleEvents.FactoryVisit(title: "Visite de l'aciérie"));

        (await admin.PostAsync(new Uri($"/api/admin/users/{moderator}/lock", UriKind.Relative), null)).EnsureSuccessStatusCode();
        await Eventually.WaitAsync(
            async () => await database.ScalarAsync("SELECT COUNT(*) FROM labelling_moderators WHERE \"IsModerator\" AND \"IsLocked\"") == 1,
            "Labelling learns that the moderator is locked");
        await RunDigestAsync(platform);
        var digests = () => platform.Mails().Select(MailFile.Read).Count(m => m.Subject.Contains("en attente", StringComparison.Ordinal));
        // No mail to wait for: wait for the run's record.
        await Eventually.WaitAsync(
            async () => await DigestRunAsync(platform) is { LastResult: JobAttemptResult.Succeeded },
            "the digest ran");
        Assert.Equal(0, digests());

        (await admin.PostAsync(new Uri($"/api/admin/users/{moderator}/unlock", UriKind.Relative), null)).EnsureSuccessStatusCode();
        await Eventually.WaitAsync(
            async () => await database.ScalarAsync("SELECT COUNT(*) FROM labelling_moderators WHERE \"IsModerator\" AND NOT \"IsLocked\"") == 1,
            "Labelling learns that the moderator is unlocked");
        await RunDigestAsync(platform);
        await Eventually.WaitAsync(() => Task.FromResult(digests() == 1), "the unlocked moderator gets the digest again");
    }

    private static async Task<RecurringJobView> DigestRunAsync(PlatformFactory platform)
    {
        await using var scope = platform.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IJobOperations>().RecurringAsync(CancellationToken.None)).Single(j => j.Name == "labelling.moderator-digest");
    }

    private static async Task RunDigestAsync(PlatformFactory platform)
    {
        await using var scope = platform.Services.CreateAsyncScope();
        Assert.True((await scope.ServiceProvider.GetRequiredService<IJobOperations>().TriggerRecurringAsync("labelling.moderator-digest", "test", CancellationToken.None)).IsSuccess);
    }

    /// <summary>9 h in Paris on the next Monday-to-Friday that is not a public holiday (the job skips those).</summary>
    private static DateTimeOffset NextWorkingDayAtNine()
    {
        var day = DateOnly.FromDateTime(ParisTime.ToParis(DateTimeOffset.UtcNow)).AddDays(1);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || (day.Month, day.Day) is (1, 1) or (5, 1) or (5, 8) or (7, 14) or (8, 15) or (11, 1) or (11, 11) or (12, 25) || IsEasterBased(day))
        {
            day = day.AddDays(1);
        }

        return ParisTime.ToInstant(day.ToDateTime(new TimeOnly(9, 0)));
    }

    // Easter Monday, Ascension and Whit Monday all fall between 23 March and 14 June: skip that stretch's Mondays and Thursdays conservatively.
    private static bool IsEasterBased(DateOnly day) =>
        day.Month is >= 3 and <= 6 && day.DayOfWeek is DayOfWeek.Monday or DayOfWeek.Thursday;
}
