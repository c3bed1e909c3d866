using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IndustryWeek.Shared.Security;
using IndustryWeek.Shared.Time;
using IndustryWeek.Testing;

namespace IndustryWeek.Host.Tests.Operations;

/// <summary>
/// API.md Operations: deleting jobs that wait, the recurring jobs (run now, pause with a reason, resume),
/// the scheduler's hosts, and who may read and who may act: administrators read, only operators act.
/// </summary>
public sealed class OperationsApiTests
{
    public static TheoryData<string> Providers() => TestDatabase.Providers();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Delete_OfAJobWaitingInTheScheduler_DeletedAndNeverRunsWhileTheOthersDo(string provider)
    {
        await using var scene = await OpsScene.StartAsync(provider);
        await BackgroundJobRuns.HoldAsync(scene.Platform); // the workers are busy: what is scheduled waits
        var first = await scene.LabelledAsync("Visite de l'usine de Valenciennes");
        var second = await scene.LabelledAsync("Atelier soudure");
        var kitOfFirst = await scene.WaitForJobOfAsync(first, OpsScene.KitJobs, "Scheduled");
        var kitOfSecond = await scene.WaitForJobOfAsync(second, OpsScene.KitJobs, "Scheduled");
        var pinOfFirst = await scene.WaitForJobOfAsync(first, OpsScene.PinJobs, "Scheduled");
        var pinOfSecond = await scene.WaitForJobOfAsync(second, OpsScene.PinJobs, "Scheduled");
        // Recorded first, then handed to Hangfire: wait until Hangfire has it in its queue.
        JsonElement waiting = default;
        await Eventually.WaitAsync(
            async () => (waiting = await scene.JobAsync(OpsScene.Id(kitOfFirst))).GetProperty("nextRunAt").ValueKind == JsonValueKind.String,
            "the kit job is in Hangfire's queue");

        var deleted = await scene.Operator.DeleteAsync(new Uri($"/api/ops/jobs/{OpsScene.Id(kitOfFirst)}", UriKind.Relative));
        var afterDelete = await scene.JobAsync(OpsScene.Id(kitOfFirst));
        var bulkDelete = await scene.Operator.PostAsJsonAsync("/api/ops/jobs/delete", new { ids = new[] { OpsScene.Id(kitOfSecond), OpsScene.Id(kitOfFirst), 987654321L } });
        var bulkRetry = await scene.Operator.PostAsJsonAsync("/api/ops/jobs/retry", new { ids = new[] { OpsScene.Id(kitOfFirst), OpsScene.Id(pinOfFirst) } });
        var retryDeleted = await scene.Operator.PostAsync(new Uri($"/api/ops/jobs/{OpsScene.Id(kitOfFirst)}/retry", UriKind.Relative), null);

        // The workers are free again: the pins are published, the deleted kit jobs do not run.
        var failures = await BackgroundJobRuns.ReleaseAsync(scene.Platform, OpsScene.PinJobs, pinOfFirst.GetProperty("key").GetString()!, pinOfSecond.GetProperty("key").GetString()!);
        await scene.WaitForStateAsync(OpsScene.Id(pinOfFirst), "Succeeded");
        var pins = await MapApi.IdsAsync(scene.Admin);
        var deletedJobs = await scene.JobsAsync("?state=Deleted");
        var kit = await scene.GetAsync($"/api/events/{first}/kit/status", scene.Admin);
        var deleteSucceeded = await scene.Operator.DeleteAsync(new Uri($"/api/ops/jobs/{OpsScene.Id(pinOfFirst)}", UriKind.Relative));
        var deleteUnknown = await scene.Operator.DeleteAsync(new Uri("/api/ops/jobs/987654321", UriKind.Relative));
        var actions = await scene.ActionsAsync();

        Assert.Equal(JsonValueKind.String, waiting.GetProperty("nextRunAt").ValueKind); // it was due to run
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal("Deleted", (await deleted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());
        Assert.Equal(("Deleted", 0), (afterDelete.GetProperty("job").GetProperty("state").GetString(), afterDelete.GetProperty("job").GetProperty("attempts").GetInt32()));
        Assert.Equal(JsonValueKind.Null, afterDelete.GetProperty("nextRunAt").ValueKind);
        Assert.Equal(JsonValueKind.String, afterDelete.GetProperty("job").GetProperty("finishedAt").ValueKind);

        Assert.Equal(HttpStatusCode.OK, bulkDelete.StatusCode);
        var deleteOutcome = await bulkDelete.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal([OpsScene.Id(kitOfSecond)], deleteOutcome.GetProperty("done").EnumerateArray().Select(i => i.GetInt64()));
        Assert.Equal(
            [
                $"tâche {OpsScene.Id(kitOfFirst)} : Seule une tâche planifiée, en nouvelle tentative ou en échec peut être supprimée (celle-ci est « supprimée »).",
                "tâche 987654321 : Cette tâche n'existe pas.",
            ],
            deleteOutcome.GetProperty("refused").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(HttpStatusCode.OK, bulkRetry.StatusCode);
        var retryOutcome = await bulkRetry.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Empty(retryOutcome.GetProperty("done").EnumerateArray());
        Assert.Equal(
            [
                $"tâche {OpsScene.Id(kitOfFirst)} : Seule une tâche en échec peut être relancée (celle-ci est « supprimée »).",
                $"tâche {OpsScene.Id(pinOfFirst)} : Seule une tâche en échec peut être relancée (celle-ci est « planifiée »).",
            ],
            retryOutcome.GetProperty("refused").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(HttpStatusCode.Conflict, retryDeleted.StatusCode);
        Assert.Equal("Seule une tâche en échec peut être relancée (celle-ci est « supprimée »).", await OpsScene.DetailAsync(retryDeleted));

        Assert.Empty(failures);
        Assert.Equal(new[] { first, second }.Order(), pins.Order());
        Assert.Empty(MailFile.Kits(scene.Platform.Mails())); // no kit mail left
        Assert.Equal(new[] { OpsScene.Id(kitOfFirst), OpsScene.Id(kitOfSecond) }.Order(), deletedJobs.Select(OpsScene.Id).Order());
        Assert.All(deletedJobs, j => Assert.Equal(0, j.GetProperty("attempts").GetInt32()));
        Assert.Equal("Queued", kit.GetProperty("deliveries")[0].GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, deleteSucceeded.StatusCode);
        Assert.Equal("Seule une tâche planifiée, en nouvelle tentative ou en échec peut être supprimée (celle-ci est « réussie »).", await OpsScene.DetailAsync(deleteSucceeded));
        Assert.Equal(HttpStatusCode.NotFound, deleteUnknown.StatusCode);
        Assert.Equal("Cette tâche n'existe pas.", await OpsScene.DetailAsync(deleteUnknown));

        // Only what was done is journaled: two deletions, by the operator.
        Assert.Equal(
            [("DeleteJob", OpsScene.OperatorEmail, OpsScene.Id(kitOfSecond)), ("DeleteJob", OpsScene.OperatorEmail, OpsScene.Id(kitOfFirst))],
            actions.Select(a => (a.GetProperty("kind").GetString(), a.GetProperty("actor").GetString(), a.GetProperty("jobId").GetInt64())));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Recurring_ListedWithTheirSchedule_RunNowPausedWithAReasonAndResumed_EachAudited(string provider)
    {
        await using var scene = await OpsScene.StartAsync(provider);
        var recurring = (await scene.GetAsync("/api/ops/recurring")).EnumerateArray().ToList();

        Assert.Equal([OpsScene.CloseRegistrations, OpsScene.ModeratorDigest, "registration.participation-reminders"], recurring.Select(j => j.GetProperty("name").GetString()));
        Assert.Equal(["5 0 * * * ?", "0 0 8 ? * MON-FRI", "0 0 9 * * ?"], recurring.Select(j => j.GetProperty("cron").GetString()));
        Assert.All(recurring, j =>
        {
            Assert.Equal("Europe/Paris", j.GetProperty("timeZone").GetString());
            Assert.True(j.GetProperty("nextRunAtUtc").GetDateTime() > DateTime.UtcNow);
            Assert.Equal(JsonValueKind.Null, j.GetProperty("pause").ValueKind);
        });
        var digestInParis = ParisTime.FromUtc(DateTime.SpecifyKind(recurring[1].GetProperty("nextRunAtUtc").GetDateTime(), DateTimeKind.Utc));
        Assert.Equal((8, 0), (digestInParis.Hour, digestInParis.Minute));
        Assert.DoesNotContain(digestInParis.DayOfWeek, new[] { DayOfWeek.Saturday, DayOfWeek.Sunday });

        // Run now: an attempt of its own, saying who asked for it, on this host.
        var triggered = await scene.Operator.PostAsync(new Uri($"/api/ops/recurring/{OpsScene.CloseRegistrations}/trigger", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Accepted, triggered.StatusCode);
        JsonElement afterRun = default;
        await Eventually.WaitAsync(
            async () =>
            {
                afterRun = await scene.RecurringAsync(OpsScene.CloseRegistrations);
                return afterRun.GetProperty("lastResult").GetString() == "Succeeded";
            },
            "the triggered run is over");
        var run = await scene.JobAsync(afterRun.GetProperty("jobId").GetInt64());
        var node = Assert.Single((await scene.GetAsync("/api/ops/nodes")).EnumerateArray(), n => n.GetProperty("isCurrent").GetBoolean());
        var unknown = await scene.Operator.PostAsync(new Uri("/api/ops/recurring/editions.nothing/trigger", UriKind.Relative), null);

        Assert.Equal(OpsScene.CloseRegistrations, (await triggered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("name").GetString());
        Assert.Equal((OpsScene.CloseRegistrations, true, "Scheduled"), (run.GetProperty("job").GetProperty("type").GetString(), run.GetProperty("job").GetProperty("recurring").GetBoolean(), run.GetProperty("job").GetProperty("state").GetString()));
        var attempt = Assert.Single(run.GetProperty("attempts").EnumerateArray());
        Assert.Equal(("Succeeded", OpsScene.OperatorEmail), (attempt.GetProperty("result").GetString(), attempt.GetProperty("requestedBy").GetString()));
        Assert.Equal(node.GetProperty("instanceId").GetString(), attempt.GetProperty("node").GetString());
        Assert.Equal("Alive", node.GetProperty("state").GetString());
        Assert.True(afterRun.GetProperty("nextRunAtUtc").GetDateTime() > DateTime.UtcNow); // the schedule goes on
        Assert.Equal(afterRun.GetProperty("nextRunAtUtc").GetDateTime(), run.GetProperty("nextRunAt").GetDateTime()); // and its page says when
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("Cette tâche récurrente n'existe pas.", await OpsScene.DetailAsync(unknown));

        // A pause needs a reason: without one, nothing changes.
        var pauseOf = new Uri($"/api/ops/recurring/{OpsScene.CloseRegistrations}/pause", UriKind.Relative);
        var withoutReason = await scene.Operator.PostAsJsonAsync(pauseOf, new { reason = "" });
        var withBlankReason = await scene.Operator.PostAsJsonAsync(pauseOf, new { reason = "   " });
        var stillRunning = await scene.RecurringAsync(OpsScene.CloseRegistrations);
        var actionsBeforePause = await scene.ActionsAsync();

        foreach (var refused in new[] { withoutReason, withBlankReason })
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("La requête contient des erreurs.", problem.GetProperty("title").GetString());
            Assert.Equal(["Indiquez pourquoi la tâche est mise en pause."], JobFailureTests.FieldErrors(problem, "reason"));
        }

        Assert.Equal(JsonValueKind.Null, stillRunning.GetProperty("pause").ValueKind);
        Assert.Equal(["TriggerRecurringJob"], actionsBeforePause.Select(a => a.GetProperty("kind").GetString()));

        // Paused with its reason, then resumed.
        const string Reason = "Clôture des inscriptions suspendue : la date limite est repoussée par le ministère.";
        var paused = await scene.Operator.PostAsJsonAsync(pauseOf, new { reason = Reason });
        var listedPaused = await scene.RecurringAsync(OpsScene.CloseRegistrations);
        var pausedTwice = await scene.Operator.PostAsJsonAsync(pauseOf, new { reason = "Encore." });
        var listedAfterSecondPause = await scene.RecurringAsync(OpsScene.CloseRegistrations);
        var resumed = await scene.Operator.PostAsync(new Uri($"/api/ops/recurring/{OpsScene.CloseRegistrations}/resume", UriKind.Relative), null);
        var listedResumed = await scene.RecurringAsync(OpsScene.CloseRegistrations);
        var resumedTwice = await scene.Operator.PostAsJsonAsync($"/api/ops/recurring/{OpsScene.CloseRegistrations}/resume", new { });
        var digest = await scene.RecurringAsync(OpsScene.ModeratorDigest);
        var actions = await scene.ActionsAsync(scene.Admin);
        var onItsPage = (await scene.JobAsync(run.GetProperty("job").GetProperty("id").GetInt64())).GetProperty("actions").EnumerateArray().ToList();

        Assert.Equal(HttpStatusCode.OK, paused.StatusCode);
        foreach (var view in new[] { await paused.Content.ReadFromJsonAsync<JsonElement>(), listedPaused })
        {
            var pause = view.GetProperty("pause");
            Assert.Equal((Reason, OpsScene.OperatorEmail), (pause.GetProperty("reason").GetString(), pause.GetProperty("requestedBy").GetString()));
            Assert.InRange(pause.GetProperty("pausedAtUtc").GetDateTime(), DateTime.UtcNow.AddMinutes(-2), DateTime.UtcNow.AddSeconds(5));
        }

        Assert.Equal(HttpStatusCode.Conflict, pausedTwice.StatusCode);
        Assert.Equal("Cette tâche est déjà en pause.", await OpsScene.DetailAsync(pausedTwice));
        Assert.Equal(Reason, listedAfterSecondPause.GetProperty("pause").GetProperty("reason").GetString()); // the first reason stands
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await resumed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("pause").ValueKind);
        Assert.Equal(JsonValueKind.Null, listedResumed.GetProperty("pause").ValueKind);
        Assert.True(listedResumed.GetProperty("nextRunAtUtc").GetDateTime() > DateTime.UtcNow);
        Assert.Equal(HttpStatusCode.Conflict, resumedTwice.StatusCode);
        Assert.Equal("Cette tâche n'est pas en pause.", await OpsScene.DetailAsync(resumedTwice));
        Assert.Equal(JsonValueKind.Null, digest.GetProperty("pause").ValueKind); // the other one was never touched

        Assert.Equal(
            [("ResumeRecurringJob", (string?)null), ("PauseRecurringJob", Reason), ("TriggerRecurringJob", null)],
            actions.Select(a => (a.GetProperty("kind").GetString(), a.GetProperty("reason").GetString())));
        Assert.All(actions, a => Assert.Equal((OpsScene.OperatorEmail, OpsScene.CloseRegistrations), (a.GetProperty("actor").GetString(), a.GetProperty("target").GetString())));
        Assert.Equal(actions.Select(a => a.GetProperty("id").GetInt64()), onItsPage.Select(a => a.GetProperty("id").GetInt64())); // the job's page lists them all, the first « run now » included
    }

    /// <summary>Every instant the operations API gives is UTC and says so (a trailing Z), on either database: a client shows it in Paris time without guessing.</summary>
    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Times_EveryInstantOfTheOperationsApi_IsMarkedUtc(string provider)
    {
        await using var scene = await OpsScene.StartAsync(provider, new Dictionary<string, string?> { ["Outbox:DispatcherEnabled"] = "false" });
        var eventId = await scene.LabelledAsync();
        await scene.DispatchAsync();
        var kitJob = OpsScene.Id(await scene.WaitForJobOfAsync(eventId, OpsScene.KitJobs, "Succeeded"));
        Assert.Equal(HttpStatusCode.Accepted, (await scene.Operator.PostAsync(new Uri($"/api/ops/recurring/{OpsScene.CloseRegistrations}/trigger", UriKind.Relative), null)).StatusCode);
        await Eventually.WaitAsync(
            async () => (await scene.RecurringAsync(OpsScene.CloseRegistrations)).GetProperty("lastResult").GetString() == "Succeeded",
            "the triggered run is over");
        Assert.Equal(HttpStatusCode.OK, (await scene.Operator.PostAsJsonAsync($"/api/ops/recurring/{OpsScene.CloseRegistrations}/pause", new { reason = "Vérification." })).StatusCode);

        var instants = new List<(string Where, string Value)>();
        foreach (var url in new[] { "/api/ops/jobs", $"/api/ops/jobs/{kitJob}", "/api/ops/outbox?state=Pending", "/api/ops/actions", "/api/ops/recurring", "/api/ops/summary", "/api/ops/nodes" })
        {
            Collect(url, await scene.GetAsync(url), instants);
        }

        Assert.Contains(instants, i => i.Where.EndsWith(".startedAt", StringComparison.Ordinal));
        Assert.Contains(instants, i => i.Where.EndsWith(".occurredAt", StringComparison.Ordinal));
        Assert.Contains(instants, i => i.Where.EndsWith(".lastRunAtUtc", StringComparison.Ordinal));
        Assert.Contains(instants, i => i.Where.EndsWith(".pausedAtUtc", StringComparison.Ordinal));
        Assert.Empty(instants.Where(i => !i.Value.EndsWith('Z')).Select(i => $"{i.Where} = {i.Value}"));

        static void Collect(string where, JsonElement element, List<(string, string)> found)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        Collect($"{where}.{property.Name}", property.Value, found);
                    }

                    break;
                case JsonValueKind.Array:
                    var index = 0;
                    foreach (var item in element.EnumerateArray())
                    {
                        Collect($"{where}[{index++}]", item, found);
                    }

                    break;
                case JsonValueKind.String when element.TryGetDateTime(out _) && element.GetString()!.Contains('T', StringComparison.Ordinal):
                    found.Add((where, element.GetString()!));
                    break;
            }
        }
    }

    [PostgresFact]
    public async Task Nodes_OnPostgreSql_TheClusteredHostIsAliveWithARecentCheckIn()
    {
        await using var scene = await OpsScene.StartAsync("PostgreSql");

        JsonElement current = default;
        await Eventually.WaitAsync(
            async () =>
            {
                var nodes = (await scene.GetAsync("/api/ops/nodes")).EnumerateArray().ToList();
                current = nodes.FirstOrDefault(n => n.GetProperty("isCurrent").GetBoolean());
                return current.ValueKind == JsonValueKind.Object && current.GetProperty("lastCheckInUtc").ValueKind == JsonValueKind.String;
            },
            "the host has checked in with the cluster");
        var summary = await scene.GetAsync("/api/ops/summary", scene.Admin);

        Assert.Equal("Alive", current.GetProperty("state").GetString());
        Assert.False(string.IsNullOrWhiteSpace(current.GetProperty("instanceId").GetString()));
        Assert.InRange(current.GetProperty("lastCheckInUtc").GetDateTime(), DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddSeconds(5));
        Assert.Equal(JsonValueKind.String, current.GetProperty("checkInInterval").ValueKind);
        Assert.Contains(summary.GetProperty("nodes").EnumerateArray(), n => n.GetProperty("instanceId").GetString() == current.GetProperty("instanceId").GetString());
    }

    /// <summary>Who may call each /api/ops endpoint: anonymous 401, organisers and moderators 403, administrators read only, operators act.</summary>
    [Fact]
    public async Task Authorization_EveryEndpoint_AdministratorsReadOnlyOperatorsAct()
    {
        await using var scene = await OpsScene.StartAsync();
        var eventId = await scene.LabelledAsync();
        var kitJob = OpsScene.Id(await scene.WaitForJobOfAsync(eventId, OpsScene.KitJobs, "Succeeded"));
        using var anonymous = scene.Platform.CreateClient();
        using var organiser = await scene.UserAsync("organisatrice@usine-a.fr", [PlatformRoles.Organiser]);
        using var moderator = await scene.UserAsync("moderatrice@prefecture-hdf.fr", [PlatformRoles.Moderator], ["32"]);
        using var administrator = await scene.UserAsync("administratrice@tests.local", [PlatformRoles.Administrator]);
        var recurring = $"/api/ops/recurring/{OpsScene.CloseRegistrations}";
        var endpoints = new (string Method, string Url, object? Body, bool Acts, HttpStatusCode ForOperator)[]
        {
            ("GET", "/api/ops/summary", null, false, HttpStatusCode.OK),
            ("GET", "/api/ops/jobs", null, false, HttpStatusCode.OK),
            ("GET", "/api/ops/jobs?state=Succeeded&q=sdi-2020", null, false, HttpStatusCode.OK),
            ("GET", $"/api/ops/jobs/{kitJob}", null, false, HttpStatusCode.OK),
            ("GET", "/api/ops/recurring", null, false, HttpStatusCode.OK),
            ("GET", "/api/ops/nodes", null, false, HttpStatusCode.OK),
            ("GET", "/api/ops/outbox?state=Pending", null, false, HttpStatusCode.OK),
            ("GET", "/api/ops/outbox?state=Failed", null, false, HttpStatusCode.OK),
            ("GET", "/api/ops/actions", null, false, HttpStatusCode.OK),
            ("POST", $"/api/ops/jobs/{kitJob}/retry", null, true, HttpStatusCode.Conflict), // it succeeded
            ("DELETE", $"/api/ops/jobs/{kitJob}", null, true, HttpStatusCode.Conflict),
            ("POST", "/api/ops/jobs/retry", new { ids = new[] { kitJob } }, true, HttpStatusCode.OK),
            ("POST", "/api/ops/jobs/delete", new { ids = new[] { kitJob } }, true, HttpStatusCode.OK),
            ("POST", $"{recurring}/trigger", null, true, HttpStatusCode.Accepted),
            ("POST", $"{recurring}/pause", new { reason = "Maintenance de la base." }, true, HttpStatusCode.OK),
            ("POST", $"{recurring}/resume", new { }, true, HttpStatusCode.OK),
            ("POST", "/api/ops/outbox/Labelling/987654321/retry", null, true, HttpStatusCode.NotFound),
        };

        var wrong = new List<string>();
        foreach (var (method, url, body, acts, forOperator) in endpoints)
        {
            foreach (var (who, client, expected) in new[]
            {
                ("anonymous", anonymous, HttpStatusCode.Unauthorized),
                ("organiser", organiser, HttpStatusCode.Forbidden),
                ("moderator", moderator, HttpStatusCode.Forbidden),
                ("administrator", administrator, acts ? HttpStatusCode.Forbidden : HttpStatusCode.OK),
                ("operator", scene.Operator, forOperator),
            })
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative)) { Content = body is null ? null : JsonContent.Create(body) };
                using var response = await client.SendAsync(request);
                if (response.StatusCode != expected)
                {
                    wrong.Add($"{who} {method} {url}: {(int)response.StatusCode} instead of {(int)expected}");
                }
            }
        }

        var actions = await scene.ActionsAsync(administrator);
        var stillScheduled = await scene.RecurringAsync(OpsScene.CloseRegistrations);
        var job = await scene.JobAsync(kitJob);
        var badState = await administrator.GetAsync(new Uri("/api/ops/jobs?state=Done", UriKind.Relative));
        var longSearch = await administrator.GetAsync(new Uri($"/api/ops/jobs?q={new string('x', 201)}", UriKind.Relative));
        var noSuchJob = await administrator.GetAsync(new Uri("/api/ops/jobs/987654321", UriKind.Relative));

        Assert.Empty(wrong);
        // Only the operator's actions happened (the refused ones changed nothing and were not journaled).
        Assert.Equal(["ResumeRecurringJob", "PauseRecurringJob", "TriggerRecurringJob"], actions.Select(a => a.GetProperty("kind").GetString()));
        Assert.All(actions, a => Assert.Equal(OpsScene.OperatorEmail, a.GetProperty("actor").GetString()));
        Assert.Equal(JsonValueKind.Null, stillScheduled.GetProperty("pause").ValueKind);
        Assert.Equal("Succeeded", job.GetProperty("job").GetProperty("state").GetString());

        // A reader's mistakes are told in French.
        Assert.Equal(HttpStatusCode.BadRequest, badState.StatusCode);
        Assert.Equal(["L'état est Scheduled, Processing, Retrying, Succeeded, Failed ou Deleted."], JobFailureTests.FieldErrors(await badState.Content.ReadFromJsonAsync<JsonElement>(), "state"));
        Assert.Equal(HttpStatusCode.BadRequest, longSearch.StatusCode);
        Assert.Equal(["La recherche fait au plus 200 caractères."], JobFailureTests.FieldErrors(await longSearch.Content.ReadFromJsonAsync<JsonElement>(), "q"));
        Assert.Equal(HttpStatusCode.NotFound, noSuchJob.StatusCode);
        Assert.Equal("Cette tâche n'existe pas.", await OpsScene.DetailAsync(noSuchJob));
    }
}
