using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IndustryWeek.Registration.Contracts;
using IndustryWeek.Shared.Observability;
using IndustryWeek.Shared.Outbox;
using IndustryWeek.Shared.Security;
using IndustryWeek.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryWeek.Host.Tests.Operations;

/// <summary>
/// The host on a database of its own with an operator signed in beside the bootstrap administrator;
/// labels granted through the real API, so the jobs and outbox messages the operator sees are the ones
/// a grant makes (DESIGN.md §3): a kit mail job and a pin job.
/// </summary>
internal sealed class OpsScene : IAsyncDisposable
{
    public const string Password = "Mot-de-passe-2027";
    public const string OperatorEmail = "exploitation@tests.local";
    public const string KitJobs = "communication-kit.deliver";
    public const string PinJobs = "map.publish-pin";
    public const string CloseRegistrations = "editions.close-registrations";
    public const string ModeratorDigest = "labelling.moderator-digest";

    private OpsScene(TestDatabase database, PlatformFactory platform)
    {
        Database = database;
        Platform = platform;
    }

    public TestDatabase Database { get; }

    public PlatformFactory Platform { get; }

    /// <summary>The bootstrap administrator (Administrator and Operator).</summary>
    public HttpClient Admin { get; private set; } = null!;

    /// <summary>An operator (Operator only), who acts on jobs and messages.</summary>
    public HttpClient Operator { get; private set; } = null!;

    /// <param name="settings">Host settings on top of the test defaults (the outbox dispatcher runs unless told otherwise).</param>
    /// <param name="services">Services the test adds to the host.</param>
    public static async Task<OpsScene> StartAsync(string provider = "Sqlite", IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var scene = new OpsScene(database, new PlatformFactory(database, settings) { TestServices = services });
        scene.Admin = await scene.Platform.SignedInClientAsync();
        scene.Operator = await scene.UserAsync(OperatorEmail, [PlatformRoles.Operator]);
        return scene;
    }

    /// <summary>A confirmed account with those roles, signed in.</summary>
    public async Task<HttpClient> UserAsync(string email, IEnumerable<string> roles, IEnumerable<string>? moderatedRegions = null)
    {
        await Platform.CreateUserAsync(email, Password, roles, moderatedRegions);
        return await Platform.SignedInClientAsync(email, Password);
    }

    /// <summary>Registration's submission arrives in Labelling (as its dispatcher would publish it).</summary>
    public async Task<EventSubmitted> SubmittedAsync(string title = "Visite de l'usine de Valenciennes")
    {
        var submitted = SampleEvents.FactoryVisit(title: title);
        await Platform.PublishAsync(submitted);
        return submitted;
    }

    /// <summary>The administrator grants the label, sending <paramref name="correlationId"/> as X-Correlation-Id when given.</summary>
    public async Task<HttpResponseMessage> GrantAsync(Guid eventId, string? correlationId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/labelling/applications/{eventId}/grant", UriKind.Relative))
        {
            Content = JsonContent.Create(new { comment = "Les critères sont remplis." }),
        };
        if (correlationId is not null)
        {
            request.Headers.TryAddWithoutValidation(Correlation.HeaderName, correlationId);
        }

        var granted = await Admin.SendAsync(request);
        Assert.True(granted.StatusCode == HttpStatusCode.OK, $"grant: {(int)granted.StatusCode} {await granted.Content.ReadAsStringAsync()}");
        return granted;
    }

    /// <summary>Submitted and granted: returns the event's id.</summary>
    public async Task<Guid> LabelledAsync(string title = "Visite de l'usine de Valenciennes")
    {
        var submitted = await SubmittedAsync(title);
        using var granted = await GrantAsync(submitted.EventId);
        return submitted.EventId;
    }

    public Task<int> DispatchAsync() => Platform.Services.GetRequiredService<IOutboxDispatcher>().DispatchPendingAsync(CancellationToken.None);

    /// <summary>GET <paramref name="url"/> as <paramref name="client"/> (the operator by default), which must answer 200.</summary>
    public async Task<JsonElement> GetAsync(string url, HttpClient? client = null)
    {
        var response = await (client ?? Operator).GetAsync(new Uri(url, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>GET /api/ops/jobs with that query string: the items.</summary>
    public async Task<IReadOnlyList<JsonElement>> JobsAsync(string query = "") =>
        [.. (await GetAsync("/api/ops/jobs" + query)).GetProperty("items").EnumerateArray()];

    /// <summary>GET /api/ops/jobs/{id}.</summary>
    public Task<JsonElement> JobAsync(long id) => GetAsync($"/api/ops/jobs/{id}");

    /// <summary>The job of <paramref name="type"/> about the event, once it is listed (it is recorded when scheduled).</summary>
    public async Task<JsonElement> WaitForJobOfAsync(Guid eventId, string type, string? state = null, TimeSpan? timeout = null)
    {
        JsonElement found = default;
        var query = $"?q={eventId:N}" + (state is null ? "" : $"&state={state}");
        await Eventually.WaitAsync(
            async () =>
            {
                var match = (await JobsAsync(query)).Where(j => j.GetProperty("type").GetString() == type).ToList();
                if (match.Count == 1)
                {
                    found = match[0];
                    return true;
                }

                return false;
            },
            $"the {type} job of event {eventId} is listed" + (state is null ? "" : $" as {state}"),
            timeout);
        return found;
    }

    /// <summary>Waits until the job is in <paramref name="state"/> as the operator sees it; returns its detail.</summary>
    public async Task<JsonElement> WaitForStateAsync(long id, string state, TimeSpan? timeout = null)
    {
        JsonElement detail = default;
        await Eventually.WaitAsync(
            async () =>
            {
                detail = await JobAsync(id);
                return detail.GetProperty("job").GetProperty("state").GetString() == state;
            },
            $"job {id} is {state}",
            timeout);
        return detail;
    }

    /// <summary>GET /api/ops/actions: the audit trail, newest first.</summary>
    public async Task<IReadOnlyList<JsonElement>> ActionsAsync(HttpClient? client = null) =>
        [.. (await GetAsync("/api/ops/actions", client)).GetProperty("items").EnumerateArray()];

    /// <summary>GET /api/ops/recurring: the recurring job of that name.</summary>
    public async Task<JsonElement> RecurringAsync(string name) =>
        Assert.Single((await GetAsync("/api/ops/recurring")).EnumerateArray(), j => j.GetProperty("name").GetString() == name);

    public static async Task<string?> DetailAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
    }

    public static long Id(JsonElement job) => job.GetProperty("id").GetInt64();

    public async ValueTask DisposeAsync()
    {
        Operator?.Dispose();
        Admin?.Dispose();
        await Platform.DisposeAsync();
        await Database.DisposeAsync();
    }
}
