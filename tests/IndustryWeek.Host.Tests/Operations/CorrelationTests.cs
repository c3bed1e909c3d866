using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using IndustryWeek.Shared.Observability;
using IndustryWeek.Testing;

namespace IndustryWeek.Host.Tests.Operations;

/// <summary>
/// One approval followed end to end by its correlation id: the moderator's request, the outbox message
/// it wrote, the kit and pin jobs its handlers scheduled, and what those jobs raised in turn.
/// </summary>
public sealed partial class CorrelationTests
{
    private const string CorrelationId = "test-corr-123";
    private static readonly Dictionary<string, string?> ManualDispatch = new() { ["Outbox:DispatcherEnabled"] = "false" };

    public static TheoryData<string> Providers() => TestDatabase.Providers();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Grant_WithACorrelationId_FollowedToItsOutboxMessageItsKitAndPinJobsAndWhatTheyRaised(string provider)
    {
        await using var scene = await OpsScene.StartAsync(provider, ManualDispatch);
        var followed = await scene.SubmittedAsync("Visite de l'usine de Valenciennes");
        var other = await scene.SubmittedAsync("Atelier soudure");

        using var granted = await scene.GrantAsync(followed.EventId, CorrelationId);
        using var grantedOther = await scene.GrantAsync(other.EventId);
        var otherId = Assert.Single(grantedOther.Headers.GetValues(Correlation.HeaderName));
        var pending = (await scene.GetAsync("/api/ops/outbox?state=Pending")).GetProperty("items").EnumerateArray().ToList();

        Assert.Equal([CorrelationId], granted.Headers.GetValues(Correlation.HeaderName));
        Assert.Matches(GeneratedId(), otherId);
        var labelGranted = pending.Where(m => m.GetProperty("type").GetString() == "LabelGranted").ToList();
        Assert.Equal(2, labelGranted.Count);
        Assert.Equal([CorrelationId, otherId], labelGranted.Select(m => m.GetProperty("correlationId").GetString()).OrderBy(c => c == CorrelationId ? 0 : 1));
        var message = labelGranted.Single(m => m.GetProperty("correlationId").GetString() == CorrelationId);

        // The message is dispatched; its handlers schedule the kit mail and the pin, which then run.
        await BackgroundJobRuns.HoldAsync(scene.Platform);
        await scene.DispatchAsync();
        Assert.Empty(await BackgroundJobRuns.ReleaseAsync(scene.Platform, OpsScene.KitJobs, $"{followed.EventId:N}-label-v1", $"{other.EventId:N}-label-v1"));
        var kit = await scene.WaitForJobOfAsync(followed.EventId, OpsScene.KitJobs, "Succeeded");
        var pin = await scene.WaitForJobOfAsync(followed.EventId, OpsScene.PinJobs, "Succeeded");
        var otherKit = await scene.JobAsync(OpsScene.Id(await scene.WaitForJobOfAsync(other.EventId, OpsScene.KitJobs, "Succeeded")));
        var found = await scene.GetAsync($"/api/ops/jobs?q={CorrelationId}");
        var raisedByJobs = (await scene.GetAsync("/api/ops/outbox?state=Pending")).GetProperty("items").EnumerateArray().ToList();

        Assert.Equal(2, found.GetProperty("total").GetInt32());
        Assert.Equal(new[] { OpsScene.Id(kit), OpsScene.Id(pin) }.Order(), found.GetProperty("items").EnumerateArray().Select(OpsScene.Id).Order());
        foreach (var job in new[] { kit, pin })
        {
            var detail = await scene.JobAsync(OpsScene.Id(job));
            Assert.Equal(CorrelationId, detail.GetProperty("correlationId").GetString());
            var cause = detail.GetProperty("cause");
            Assert.Equal(("LabelGranted", "Labelling"), (cause.GetProperty("notification").GetString(), cause.GetProperty("module").GetString()));
            Assert.Equal(message.GetProperty("messageId").GetGuid(), cause.GetProperty("messageId").GetGuid());
            Assert.Contains(followed.EventId.ToString(), cause.GetProperty("payload").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(otherId, otherKit.GetProperty("correlationId").GetString());

        // What the kit jobs raised (the kit was mailed), not dispatched yet, carries each approval's id on.
        var kitNews = raisedByJobs.Where(m => m.GetProperty("module").GetString() == "CommunicationKit").ToList();
        Assert.Contains(kitNews, m => m.GetProperty("correlationId").GetString() == CorrelationId);
        Assert.Contains(kitNews, m => m.GetProperty("correlationId").GetString() == otherId);
    }

    [Fact]
    public async Task Header_WhenHostileOrTooLong_ReplacedByAGeneratedIdThatTheWorkCarriesInstead()
    {
        await using var scene = await OpsScene.StartAsync(settings: ManualDispatch);
        var longest = new string('a', Correlation.MaxLength);
        var echoed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var given in new[] { longest, longest + "a", "test corr 123", "<script>alert(1)</script>", "abc\";drop", "../../etc" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/ops/summary", UriKind.Relative));
            request.Headers.TryAddWithoutValidation(Correlation.HeaderName, given);
            using var response = await scene.Operator.SendAsync(request);
            echoed[given] = Assert.Single(response.Headers.GetValues(Correlation.HeaderName));
        }

        var submitted = await scene.SubmittedAsync();
        using var granted = await scene.GrantAsync(submitted.EventId, "<script>alert(1)</script>");
        var replacement = Assert.Single(granted.Headers.GetValues(Correlation.HeaderName));
        await scene.DispatchAsync();
        var kit = await scene.JobAsync(OpsScene.Id(await scene.WaitForJobOfAsync(submitted.EventId, OpsScene.KitJobs, "Succeeded")));
        var pending = await scene.GetAsync("/api/ops/outbox?state=Pending");
        var search = await scene.Operator.GetAsync(new Uri("/api/ops/jobs?q=%3Cscript%3E", UriKind.Relative));

        Assert.Equal(longest, echoed[longest]); // 64 plain characters are kept
        foreach (var hostile in echoed.Keys.Where(k => k != longest))
        {
            Assert.Matches(GeneratedId(), echoed[hostile]);
        }

        Assert.Equal(5, echoed.Values.Where(v => v != longest).Distinct().Count()); // a new id each time
        Assert.Matches(GeneratedId(), replacement);
        Assert.Equal(replacement, kit.GetProperty("correlationId").GetString());
        Assert.DoesNotContain("<script>", pending.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, (await search.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total").GetInt32());
    }

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex GeneratedId();
}
