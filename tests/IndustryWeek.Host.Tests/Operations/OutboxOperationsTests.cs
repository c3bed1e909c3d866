using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IndustryWeek.Labelling.Contracts;
using IndustryWeek.Testing;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryWeek.Host.Tests.Operations;

/// <summary>
/// A subscriber that cannot take a notification: after its attempts the message is Failed, shown to the
/// operator with its error; once the fault is gone, the operator's retry has it handled, once.
/// </summary>
public sealed class OutboxOperationsTests
{
    private const string FeedDown = "Open data feed answered 503 (Service Unavailable)";

    public static TheoryData<string> Providers() => TestDatabase.Providers();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task FailedMessage_ListedWithItsError_RetriedByTheOperatorOnceTheFaultIsGone_HandledOnce(string provider)
    {
        var feed = new OpenDataFeed { Down = true };
        await using var scene = await OpsScene.StartAsync(
            provider,
            new Dictionary<string, string?> { ["Outbox:MaxAttempts"] = "2" }, // a first attempt, a second 2 s later, then Failed
            services => services.AddSingleton(feed).AddTransient<INotificationHandler<LabelGranted>, OpenDataFeedHandler>());
        var eventId = await scene.LabelledAsync();

        JsonElement failed = default;
        JsonElement failedPage = default;
        await Eventually.WaitAsync(
            async () =>
            {
                failedPage = await scene.GetAsync("/api/ops/outbox?state=Failed");
                failed = failedPage.GetProperty("items").EnumerateArray().FirstOrDefault(m => m.GetProperty("type").GetString() == "LabelGranted");
                return failed.ValueKind == JsonValueKind.Object;
            },
            "GET /api/ops/outbox?state=Failed lists the message the feed could not take",
            TimeSpan.FromSeconds(60));
        var summary = await scene.GetAsync("/api/ops/summary", scene.Admin);
        var pending = await scene.GetAsync("/api/ops/outbox?state=Pending");

        Assert.Equal(("Labelling", 2), (failed.GetProperty("module").GetString(), failed.GetProperty("attempts").GetInt32()));
        Assert.Equal(JsonValueKind.String, failed.GetProperty("failedAt").ValueKind);
        var error = failed.GetProperty("lastError").GetString();
        Assert.StartsWith($"System.Net.Http.HttpRequestException: {FeedDown}", error, StringComparison.Ordinal);
        Assert.Contains("\n   at ", error, StringComparison.Ordinal); // the whole exception, where it was thrown
        Assert.DoesNotContain(pending.GetProperty("items").EnumerateArray(), m => m.GetProperty("id").GetInt64() == failed.GetProperty("id").GetInt64());
        Assert.Equal(failedPage.GetProperty("total").GetInt32(), summary.GetProperty("outbox").GetProperty("failed").GetInt32()); // the dashboard counts it
        Assert.Equal(0, feed.Received);

        // The feed is back; the operator gives the message a new round of attempts.
        feed.Down = false;
        var retryOf = new Uri($"/api/ops/outbox/Labelling/{failed.GetProperty("id").GetInt64()}/retry", UriKind.Relative);
        var retried = await scene.Operator.PostAsync(retryOf, null);
        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        var accepted = await retried.Content.ReadFromJsonAsync<JsonElement>();
        var messageId = failed.GetProperty("messageId").GetGuid();
        await Eventually.WaitAsync(
            async () => !Lists(await scene.GetAsync("/api/ops/outbox?state=Failed"), messageId) && !Lists(await scene.GetAsync("/api/ops/outbox?state=Pending"), messageId),
            "the retried message is handled: neither failed nor pending any more");
        await Eventually.WaitAsync(async () => MailFile.Kits(scene.Platform.Mails()).Count == 1 && (await MapApi.IdsAsync(scene.Admin)).Count == 1, "the kit mail and the pin");
        var again = await scene.Operator.PostAsync(retryOf, null);
        var unknownId = await scene.Operator.PostAsync(new Uri("/api/ops/outbox/Labelling/987654321/retry", UriKind.Relative), null);
        var unknownModule = await scene.Operator.PostAsync(new Uri($"/api/ops/outbox/Nowhere/{failed.GetProperty("id").GetInt64()}/retry", UriKind.Relative), null);
        var actions = await scene.ActionsAsync();

        Assert.Equal((0, JsonValueKind.Null), (accepted.GetProperty("attempts").GetInt32(), accepted.GetProperty("failedAt").ValueKind));
        Assert.Equal(1, feed.Received);
        Assert.Single(MailFile.Kits(scene.Platform.Mails())); // the organiser is not mailed twice for a message handled again
        Assert.Equal([eventId], await MapApi.IdsAsync(scene.Admin));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("Ce message a déjà été traité.", await OpsScene.DetailAsync(again));
        Assert.Equal(HttpStatusCode.NotFound, unknownId.StatusCode);
        Assert.Equal("Ce message n'existe pas.", await OpsScene.DetailAsync(unknownId));
        Assert.Equal(HttpStatusCode.NotFound, unknownModule.StatusCode);
        var action = Assert.Single(actions);
        Assert.Equal(("RetryOutboxMessage", OpsScene.OperatorEmail), (action.GetProperty("kind").GetString(), action.GetProperty("actor").GetString()));
        Assert.Equal($"Labelling message {failed.GetProperty("id").GetInt64()} (LabelGranted)", action.GetProperty("target").GetString());
    }

    [Fact]
    public async Task List_WithAnUnknownState_400InFrench_AndAPendingMessageIsNotRetried()
    {
        await using var scene = await OpsScene.StartAsync(settings: new Dictionary<string, string?> { ["Outbox:DispatcherEnabled"] = "false" });
        await scene.LabelledAsync(); // its messages wait for the dispatcher

        var pending = await scene.GetAsync("/api/ops/outbox?state=Pending");
        var byDefault = await scene.GetAsync("/api/ops/outbox");
        var waiting = Assert.Single(pending.GetProperty("items").EnumerateArray(), m => m.GetProperty("type").GetString() == "LabelGranted");
        var retryPending = await scene.Operator.PostAsync(new Uri($"/api/ops/outbox/Labelling/{waiting.GetProperty("id").GetInt64()}/retry", UriKind.Relative), null);
        var badStates = new List<HttpResponseMessage>();
        foreach (var state in new[] { "Processed", "1", "%3Cscript%3E" })
        {
            badStates.Add(await scene.Operator.GetAsync(new Uri($"/api/ops/outbox?state={state}", UriKind.Relative)));
        }

        var badPage = await scene.Operator.GetAsync(new Uri("/api/ops/outbox?state=Failed&page=0", UriKind.Relative));

        Assert.Equal(pending.GetProperty("total").GetInt32(), byDefault.GetProperty("total").GetInt32());
        Assert.True(pending.GetProperty("total").GetInt32() >= 3); // the criteria checked, the label, the criteria confirmed
        Assert.Equal(("Labelling", 0, JsonValueKind.Null), (waiting.GetProperty("module").GetString(), waiting.GetProperty("attempts").GetInt32(), waiting.GetProperty("failedAt").ValueKind));
        Assert.Equal(HttpStatusCode.Conflict, retryPending.StatusCode);
        Assert.Equal("Ce message attend déjà sa prochaine tentative.", await OpsScene.DetailAsync(retryPending));
        foreach (var bad in badStates)
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal(["L'état est Pending ou Failed."], JobFailureTests.FieldErrors(await bad.Content.ReadFromJsonAsync<JsonElement>(), "state"));
        }

        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
        Assert.Equal(["La page est un nombre entre 1 et 100 000."], JobFailureTests.FieldErrors(await badPage.Content.ReadFromJsonAsync<JsonElement>(), "page"));
        Assert.Empty(await scene.ActionsAsync());
    }

    private static bool Lists(JsonElement page, Guid messageId) =>
        page.GetProperty("items").EnumerateArray().Any(m => m.GetProperty("messageId").GetGuid() == messageId);

    /// <summary>Whether the open data feed the test subscriber forwards labels to is reachable, and what it received.</summary>
    internal sealed class OpenDataFeed
    {
        private int _received;
        private volatile bool _down;

        public bool Down
        {
            get => _down;
            set => _down = value;
        }

        public int Received => Volatile.Read(ref _received);

        public void Receive() => Interlocked.Increment(ref _received);
    }

    /// <summary>A subscriber of LabelGranted that forwards it to a feed which may be down.</summary>
    internal sealed class OpenDataFeedHandler(OpenDataFeed feed) : INotificationHandler<LabelGranted>
    {
        public Task Handle(LabelGranted notification, CancellationToken cancellationToken)
        {
            if (feed.Down)
            {
                throw new HttpRequestException(FeedDown, null, HttpStatusCode.ServiceUnavailable);
            }

            feed.Receive();
            return Task.CompletedTask;
        }
    }
}
