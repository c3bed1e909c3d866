using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IndustryWeek.Testing;

namespace IndustryWeek.Host.Tests.Operations;

/// <summary>
/// A job that fails all its retries as the operator sees it: Failed, each attempt with its node, times
/// and the whole exception; then the operator's retry, once the fault is gone, runs it again and the
/// organiser gets their kit mail once; what the operator did is in the journal.
/// </summary>
public sealed class JobFailureTests
{
    private const int RetryAttempts = 2;
    private const string Organiser = "organisatrice@usine-exemple.fr";

    public static TheoryData<string> Providers() => TestDatabase.Providers();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task KitJob_WhenTheMailServerStaysDown_EndsFailedWithEveryAttemptAndTheWholeException_ThenTheOperatorsRetrySendsTheMailOnce(string provider)
    {
        var port = SmtpServer.FreePort();
        await using var scene = await OpsScene.StartAsync(provider, MailServerDown(port));
        var eventId = await scene.LabelledAsync();

        // The operator's list of failed jobs shows the kit mail's job once its retries are spent.
        JsonElement listed = default;
        await Eventually.WaitAsync(
            async () =>
            {
                var failed = await scene.JobsAsync("?state=Failed");
                listed = failed.FirstOrDefault(j => j.GetProperty("type").GetString() == OpsScene.KitJobs && j.GetProperty("key").GetString()!.StartsWith($"{eventId:N}", StringComparison.Ordinal));
                return listed.ValueKind == JsonValueKind.Object;
            },
            "GET /api/ops/jobs?state=Failed lists the kit job",
            TimeSpan.FromSeconds(60));
        var id = OpsScene.Id(listed);
        var failedDetail = await scene.JobAsync(id);
        var summaryWhileFailed = await scene.GetAsync("/api/ops/summary");

        Assert.Equal(("Failed", RetryAttempts + 1, false), (listed.GetProperty("state").GetString(), listed.GetProperty("attempts").GetInt32(), listed.GetProperty("recurring").GetBoolean()));
        // What the job is about in the operators' words (the dashboard titles it « Envoi du kit – … »); the key holds the event id.
        Assert.Equal("Visite de l'usine de Valenciennes (SDI-2020-000001)", listed.GetProperty("about").GetString());
        Assert.Equal(JsonValueKind.String, listed.GetProperty("finishedAt").ValueKind);
        var attempts = failedDetail.GetProperty("attempts").EnumerateArray().ToList();
        Assert.Equal([3, 2, 1], attempts.Select(a => a.GetProperty("number").GetInt32()));
        foreach (var attempt in attempts)
        {
            Assert.False(string.IsNullOrWhiteSpace(attempt.GetProperty("node").GetString()));
            var started = attempt.GetProperty("startedAt").GetDateTime();
            var finished = attempt.GetProperty("finishedAt").GetDateTime();
            Assert.True(finished >= started, $"attempt {attempt.GetProperty("number")} finished before it started");
            Assert.True(attempt.GetProperty("durationMs").GetInt64() >= 0);
            Assert.Equal("Failed", attempt.GetProperty("result").GetString());
            Assert.Equal(JsonValueKind.Null, attempt.GetProperty("requestedBy").ValueKind);
            AssertWholeException(attempt.GetProperty("error").GetString());
        }

        // The earlier attempts were retried; the last one was not.
        Assert.Equal([false, true, true], attempts.Select(a => a.GetProperty("willRetry").GetBoolean()));
        Assert.True(attempts[0].GetProperty("startedAt").GetDateTime() >= attempts[1].GetProperty("finishedAt").GetDateTime());
        var wholeError = failedDetail.GetProperty("lastError").GetString()!;
        Assert.Equal(attempts[0].GetProperty("error").GetString(), wholeError);
        Assert.Equal(JsonValueKind.Null, failedDetail.GetProperty("nextRunAt").ValueKind); // nothing more will happen by itself
        Assert.Equal("LabelGranted", failedDetail.GetProperty("cause").GetProperty("notification").GetString());

        // The list shows the failure's first line only: the exception's type and message.
        var firstLine = listed.GetProperty("lastError").GetString()!;
        Assert.Equal(wholeError.Split('\n')[0].TrimEnd('\r'), firstLine);
        Assert.DoesNotContain('\n', firstLine);
        Assert.StartsWith("System.Net.Sockets.SocketException (111): Connection refused", firstLine, StringComparison.Ordinal);
        Assert.True(wholeError.Length > firstLine.Length);
        // The kit's job, and the mail saying the submission was received when it has failed for good too.
        Assert.InRange(summaryWhileFailed.GetProperty("jobs").GetProperty("failed").GetInt32(), 1, 2);

        // The mail server is back: the operator runs the job again.
        await using var smtp = await SmtpServer.StartAsync(Path.Combine(scene.Database.Directory, "maildir"), port);
        var retried = await scene.Operator.PostAsync(new Uri($"/api/ops/jobs/{id}/retry", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        Assert.Equal($"/api/ops/jobs/{id}", retried.Headers.Location?.OriginalString);
        Assert.Equal("Scheduled", (await retried.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());
        var succeeded = await scene.WaitForStateAsync(id, "Succeeded");
        await Eventually.WaitAsync(() => Task.FromResult(MailFile.Kits(smtp.ReceivedFiles()).Count >= 1), "the kit mail reaches the mail server");
        var kit = await scene.GetAsync($"/api/events/{eventId}/kit/status", scene.Admin);
        var again = await scene.Operator.PostAsync(new Uri($"/api/ops/jobs/{id}/retry", UriKind.Relative), null);
        var unknown = await scene.Operator.PostAsync(new Uri("/api/ops/jobs/987654321/retry", UriKind.Relative), null);
        var actions = await scene.ActionsAsync();
        var summaryAfterwards = await scene.GetAsync("/api/ops/summary");

        var mail = MailFile.Read(Assert.Single(MailFile.Kits(smtp.ReceivedFiles())));
        Assert.Equal(Organiser, mail.To);
        Assert.Contains("SDI-2020-000001", mail.Subject, StringComparison.Ordinal);
        Assert.Equal("Sent", KitDelivery(kit, "label-v1").GetProperty("status").GetString());
        var afterRetry = succeeded.GetProperty("attempts").EnumerateArray().ToList();
        Assert.Equal(RetryAttempts + 2, afterRetry.Count);
        var rerun = afterRetry[0];
        Assert.Equal((RetryAttempts + 2, "Succeeded", OpsScene.OperatorEmail, false), (rerun.GetProperty("number").GetInt32(), rerun.GetProperty("result").GetString(), rerun.GetProperty("requestedBy").GetString(), rerun.GetProperty("willRetry").GetBoolean()));
        Assert.False(string.IsNullOrWhiteSpace(rerun.GetProperty("node").GetString()));
        Assert.Equal(JsonValueKind.Null, rerun.GetProperty("error").ValueKind);
        Assert.Equal(JsonValueKind.Null, succeeded.GetProperty("job").GetProperty("lastError").ValueKind);
        // No failed job left but the mail saying the submission was received, if it failed for good while the server was down.
        var receivedMailFailed = (await scene.JobsAsync("?state=Failed")).Count(j => j.GetProperty("type").GetString() == "communication-kit.decision-mail");
        Assert.Equal(receivedMailFailed, summaryAfterwards.GetProperty("jobs").GetProperty("failed").GetInt32());

        // Asked twice, or for a job that does not exist: refused in French, and not journaled.
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("Seule une tâche en échec peut être relancée (celle-ci est « réussie »).", await OpsScene.DetailAsync(again));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("Cette tâche n'existe pas.", await OpsScene.DetailAsync(unknown));
        var action = Assert.Single(actions);
        Assert.Equal(("RetryJob", OpsScene.OperatorEmail, id), (action.GetProperty("kind").GetString(), action.GetProperty("actor").GetString(), action.GetProperty("jobId").GetInt64()));
        Assert.Contains(OpsScene.KitJobs, action.GetProperty("target").GetString(), StringComparison.Ordinal);
        Assert.InRange(action.GetProperty("at").GetDateTime(), DateTime.UtcNow.AddMinutes(-2), DateTime.UtcNow.AddSeconds(5));
        var onTheJob = Assert.Single(succeeded.GetProperty("actions").EnumerateArray());
        Assert.Equal(action.GetProperty("id").GetInt64(), onTheJob.GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task BulkRetry_OfFailedJobsAndOthers_RetriesTheFailedOnesAndSaysWhyForTheRest()
    {
        var port = SmtpServer.FreePort();
        await using var scene = await OpsScene.StartAsync(settings: MailServerDown(port));
        var first = await scene.LabelledAsync("Visite de l'usine de Valenciennes");
        var second = await scene.LabelledAsync("Atelier soudure");
        var kitOfFirst = OpsScene.Id(await scene.WaitForJobOfAsync(first, OpsScene.KitJobs, "Failed", TimeSpan.FromSeconds(60)));
        var kitOfSecond = OpsScene.Id(await scene.WaitForJobOfAsync(second, OpsScene.KitJobs, "Failed", TimeSpan.FromSeconds(60)));
        var pinOfFirst = OpsScene.Id(await scene.WaitForJobOfAsync(first, OpsScene.PinJobs, "Succeeded"));
        await using var smtp = await SmtpServer.StartAsync(Path.Combine(scene.Database.Directory, "maildir"), port);

        var empty = await scene.Operator.PostAsJsonAsync("/api/ops/jobs/retry", new { ids = Array.Empty<long>() });
        var outcome = await scene.Operator.PostAsJsonAsync("/api/ops/jobs/retry", new { ids = new[] { kitOfFirst, pinOfFirst, kitOfSecond, 987654321L } });
        Assert.Equal(HttpStatusCode.OK, outcome.StatusCode);
        var body = await outcome.Content.ReadFromJsonAsync<JsonElement>();
        await scene.WaitForStateAsync(kitOfFirst, "Succeeded");
        await scene.WaitForStateAsync(kitOfSecond, "Succeeded");
        await Eventually.WaitAsync(() => Task.FromResult(MailFile.Kits(smtp.ReceivedFiles()).Count >= 2), "both kit mails reach the mail server");
        var actions = await scene.ActionsAsync();

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(["Choisissez au moins une tâche."], FieldErrors(await empty.Content.ReadFromJsonAsync<JsonElement>(), "ids"));
        Assert.Equal([kitOfFirst, kitOfSecond], body.GetProperty("done").EnumerateArray().Select(i => i.GetInt64()));
        Assert.Equal(
            [$"tâche {pinOfFirst} : Seule une tâche en échec peut être relancée (celle-ci est « réussie »).", "tâche 987654321 : Cette tâche n'existe pas."],
            body.GetProperty("refused").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(2, MailFile.Kits(smtp.ReceivedFiles()).Count);
        var subjects = MailFile.Kits(smtp.ReceivedFiles()).Select(f => MailFile.Read(f).Subject).ToList();
        Assert.Single(subjects, s => s.Contains("SDI-2020-000001", StringComparison.Ordinal));
        Assert.Single(subjects, s => s.Contains("SDI-2020-000002", StringComparison.Ordinal));
        Assert.Equal(2, actions.Count);
        Assert.All(actions, a => Assert.Equal(("RetryJob", OpsScene.OperatorEmail), (a.GetProperty("kind").GetString(), a.GetProperty("actor").GetString())));
        Assert.Equal([kitOfFirst, kitOfSecond], actions.Select(a => a.GetProperty("jobId").GetInt64()).Order());
    }

    [Fact]
    public async Task Retry_WhileTheMailServerIsStillDown_AFreshRoundOfAutomaticRetriesThenFailedAgain()
    {
        var port = SmtpServer.FreePort();
        await using var scene = await OpsScene.StartAsync(settings: MailServerDown(port));
        var eventId = await scene.LabelledAsync();
        var id = OpsScene.Id(await scene.WaitForJobOfAsync(eventId, OpsScene.KitJobs, "Failed", TimeSpan.FromSeconds(60)));

        var retried = await scene.Operator.PostAsync(new Uri($"/api/ops/jobs/{id}/retry", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        JsonElement detail = default;
        try
        {
            await Eventually.WaitAsync(
                async () =>
                {
                    detail = await scene.JobAsync(id);
                    return detail.GetProperty("job").GetProperty("state").GetString() == "Failed" && detail.GetProperty("job").GetProperty("attempts").GetInt32() > RetryAttempts + 1;
                },
                "the retried job failed its new round of attempts",
                TimeSpan.FromSeconds(120));
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}; the job as last seen: {detail.GetProperty("job")}, next run {detail.GetProperty("nextRunAt")}, attempts {string.Join(" | ", detail.GetProperty("attempts").EnumerateArray().Select(a => $"{a.GetProperty("number")} {a.GetProperty("result")} {a.GetProperty("startedAt")} willRetry={a.GetProperty("willRetry")} by={a.GetProperty("requestedBy")}"))}", e);
        }
        var attempts = detail.GetProperty("attempts").EnumerateArray().ToList();

        // The second round, newest first: the operator's run then the scheduler's retries, the last one not retried.
        Assert.Equal([6, 5, 4, 3, 2, 1], attempts.Select(a => a.GetProperty("number").GetInt32()));
        Assert.Equal([false, true, true, false, true, true], attempts.Select(a => a.GetProperty("willRetry").GetBoolean()));
        Assert.Equal([null, null, OpsScene.OperatorEmail, null, null, null], attempts.Select(a => a.GetProperty("requestedBy").GetString()));
        Assert.All(attempts, a => AssertWholeException(a.GetProperty("error").GetString()));
        Assert.Equal("Failed", KitDelivery(await scene.GetAsync($"/api/events/{eventId}/kit/status", scene.Admin), "label-v1").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Delete_OfAJobWaitingForItsNextAttempt_NoMoreAttemptsAreDue()
    {
        var settings = MailServerDown(SmtpServer.FreePort());
        settings["Jobs:RetryFirstDelay"] = "00:10:00"; // the next attempt is far enough away to be seen waiting
        settings["Jobs:RetryMaxDelay"] = "00:10:00";
        await using var scene = await OpsScene.StartAsync(settings: settings);
        var eventId = await scene.LabelledAsync();
        var id = OpsScene.Id(await scene.WaitForJobOfAsync(eventId, OpsScene.KitJobs, "Retrying"));
        // The run records its failure just before Hangfire schedules the retry: wait until Hangfire says when.
        JsonElement retrying = default;
        await Eventually.WaitAsync(
            async () => (retrying = await scene.JobAsync(id)).GetProperty("nextRunAt").ValueKind == JsonValueKind.String,
            "the job's next attempt is scheduled");

        var deleted = await scene.Operator.DeleteAsync(new Uri($"/api/ops/jobs/{id}", UriKind.Relative));
        var afterwards = await scene.JobAsync(id);
        // (The mail saying the submission was received retries too: it is not the job deleted.)
        var retryingNow = (await scene.JobsAsync("?state=Retrying")).Where(j => j.GetProperty("type").GetString() == OpsScene.KitJobs).ToList();

        Assert.InRange(retrying.GetProperty("nextRunAt").GetDateTime(), DateTime.UtcNow.AddMinutes(5), DateTime.UtcNow.AddMinutes(15));
        Assert.True(Assert.Single(retrying.GetProperty("attempts").EnumerateArray()).GetProperty("willRetry").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(("Deleted", 1), (afterwards.GetProperty("job").GetProperty("state").GetString(), afterwards.GetProperty("job").GetProperty("attempts").GetInt32()));
        Assert.Equal(JsonValueKind.Null, afterwards.GetProperty("nextRunAt").ValueKind);
        Assert.Empty(retryingNow);
        Assert.Equal("DeleteJob", Assert.Single(await scene.ActionsAsync()).GetProperty("kind").GetString());
    }

    /// <summary>Mail over SMTP to a port nobody listens on; two quick retries.</summary>
    private static Dictionary<string, string?> MailServerDown(int port) => new()
    {
        ["Mail:Delivery"] = "Smtp",
        ["Mail:SmtpHost"] = "127.0.0.1",
        ["Mail:SmtpPort"] = port.ToString(CultureInfo.InvariantCulture),
        ["Mail:SmtpTimeout"] = "00:00:05",
        ["Jobs:RetryAttempts"] = RetryAttempts.ToString(CultureInfo.InvariantCulture),
        ["Jobs:RetryFirstDelay"] = "00:00:00.200",
        ["Jobs:RetryMaxDelay"] = "00:00:00.500",
    };

    /// <summary>What an operator needs to find the cause: the exception's type, its cause's message, and where it was thrown.</summary>
    private static void AssertWholeException(string? error)
    {
        Assert.NotNull(error);
        Assert.StartsWith("System.Net.Sockets.SocketException ", error, StringComparison.Ordinal);
        Assert.Contains("Connection refused", error, StringComparison.Ordinal);
        Assert.Contains("\n   at ", error, StringComparison.Ordinal);
    }

    private static JsonElement KitDelivery(JsonElement kit, string key) =>
        kit.GetProperty("deliveries").EnumerateArray().Single(d => d.GetProperty("key").GetString() == key);

    internal static IReadOnlyList<string?> FieldErrors(JsonElement problem, string field) =>
        [.. problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString())];
}
