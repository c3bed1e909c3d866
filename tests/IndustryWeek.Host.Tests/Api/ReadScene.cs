using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IndustryWeek.Host.Tests.CommunicationKit;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryWeek.Host.Tests.Api;

/// <summary>Who reads: a client signed in with a role that may call the endpoint.</summary>
public enum Reader
{
    Anonymous,
    Organiser,
    Moderator,
    Administrator,
}

/// <summary>One GET endpoint of the API as the app declares it, where to send it, by whom, and the query parameters it reads.</summary>
public sealed record ReadEndpoint(string Route, string Path, Reader Reader, params string[] Parameters);

/// <summary>
/// A platform with something on every read endpoint of the API, on one provider: an event labelled (its kit
/// sent, its jobs recorded), one pending moderation, one submitted whose notification waits in the outbox, and
/// an operator's action in the journal; signed-in clients for an organiser, a moderator of Hauts-de-France and
/// the administrator (also operator).
/// </summary>
internal sealed class ReadScene : IAsyncDisposable
{
    private ReadScene(KitScene kit) => Kit = kit;

    public KitScene Kit { get; }

    public Guid EditionId { get; private set; }

    public Guid Labelled { get; private set; }

    public Guid Pending { get; private set; }

    public long JobId { get; private set; }

    public string OrganiserUserId { get; private set; } = "";

    private Dictionary<Reader, HttpClient> Clients { get; } = [];

    public HttpClient Client(Reader reader) => Clients[reader];

    public static async Task<ReadScene> StartAsync(string provider)
    {
        var scene = new ReadScene(await KitScene.StartAsync(provider, new Dictionary<string, string?> { ["RateLimits:Accounts:PermitLimit"] = "100000" }));
        var kit = scene.Kit;
        var organiser = await kit.OrganiserAsync("organisatrice@alpha.fr", "Alpha Industries SAS");
        scene.Clients[Reader.Organiser] = organiser;
        scene.Clients[Reader.Moderator] = await kit.ModeratorAsync();
        scene.Clients[Reader.Administrator] = kit.Admin;
        scene.Clients[Reader.Anonymous] = kit.Platform.CreateClient(new() { AllowAutoRedirect = false });

        scene.EditionId = (await kit.Admin.GetFromJsonAsync<JsonElement>("/api/editions/current")).GetProperty("id").GetGuid();
        scene.Labelled = await kit.LabelledEventAsync(organiser);
        await kit.WaitForDeliveryAsync(scene.Labelled, "label-v1", "Sent");
        scene.Pending = await kit.SubmittedEventAsync(organiser, "Atelier des apprentis en attente");

        // Submitted but not dispatched: its EventSubmitted waits in Registration's outbox (/api/ops/outbox).
        var created = await organiser.PostAsJsonAsync("/api/events", kit.EventBody("Forum des metiers en file"));
        var waiting = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.True((await organiser.PostAsync(new Uri($"/api/events/{waiting}/submit", UriKind.Relative), null)).IsSuccessStatusCode);

        // An operator's action for the journal (/api/ops/actions): a recurring job paused, then resumed.
        var recurring = await kit.Admin.GetFromJsonAsync<JsonElement>("/api/ops/recurring");
        var name = Uri.EscapeDataString(recurring[0].GetProperty("name").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await kit.Admin.PostAsJsonAsync($"/api/ops/recurring/{name}/pause", new { reason = "Maintenance du serveur." })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await kit.Admin.PostAsJsonAsync($"/api/ops/recurring/{name}/resume", new { reason = "Maintenance terminée." })).StatusCode);

        var jobs = await kit.Admin.GetFromJsonAsync<JsonElement>("/api/ops/jobs");
        scene.JobId = jobs.GetProperty("items")[0].GetProperty("id").GetInt64();
        await using (var scope = kit.Platform.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Microsoft.AspNetCore.Identity.IdentityUser>>();
            scene.OrganiserUserId = (await users.FindByEmailAsync("organisatrice@alpha.fr"))!.Id;
        }

        return scene;
    }

    /// <summary>Every GET endpoint of the API (and the host's own: OpenAPI, health), with the query parameters each reads.</summary>
    public IReadOnlyList<ReadEndpoint> Endpoints()
    {
        string[] map = ["edition", "region", "department", "format", "audience", "sector", "from", "to", "online", "q", "bbox", "preview"];
        var edition = Kit.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return
        [
            new("GET /api/editions/", "/api/editions", Reader.Administrator),
            new("GET /api/editions/current", "/api/editions/current", Reader.Anonymous),
            new("GET /api/editions/{id:guid}", $"/api/editions/{EditionId}", Reader.Administrator),

            new("GET /api/me/organisation/", "/api/me/organisation", Reader.Organiser),
            new("GET /api/events/", "/api/events", Reader.Organiser, "edition", "status"),
            new("GET /api/events/{id:guid}", $"/api/events/{Labelled}", Reader.Organiser),
            new("GET /api/events/import/template.csv", "/api/events/import/template.csv", Reader.Organiser),
            new("GET /api/geo/communes", "/api/geo/communes?postalCode=59300", Reader.Organiser, "postalCode"),
            new("GET /api/events/{id:guid}/kit/", $"/api/events/{Labelled}/kit", Reader.Organiser),
            new("GET /api/events/{id:guid}/kit/status", $"/api/events/{Labelled}/kit/status", Reader.Organiser),
            new("GET /api/kits/deliveries", "/api/kits/deliveries", Reader.Administrator, "status", "search", "page"),
            new("GET /api/identity/confirmEmail", $"/api/identity/confirmEmail?userId={OrganiserUserId}&code=Q09ERQ", Reader.Anonymous, "userId", "code", "changedEmail"),
            new("GET /api/identity/manage/info", "/api/identity/manage/info", Reader.Organiser),

            new("GET /api/labelling/applications/", "/api/labelling/applications", Reader.Moderator, "status", "region", "department", "format", "overdue", "page", "pageSize", "sort"),
            new("GET /api/labelling/applications/{id:guid}", $"/api/labelling/applications/{Pending}", Reader.Moderator),
            new("GET /api/labelling/applications.csv", "/api/labelling/applications.csv", Reader.Moderator, "year"),
            new("GET /api/labelling/statistics", "/api/labelling/statistics", Reader.Moderator, "year"),
            new("GET /api/labelling/stock-reasons/", "/api/labelling/stock-reasons", Reader.Moderator),

            new("GET /api/map/events", $"/api/map/events?edition={edition}", Reader.Anonymous, map),
            new("GET /api/map/events/{id:guid}", $"/api/map/events/{Labelled}", Reader.Anonymous, "preview"),
            new("GET /api/map/pins", $"/api/map/pins?edition={edition}", Reader.Anonymous, map),
            new("GET /api/map/events/{id:guid}.ics", $"/api/map/events/{Labelled}.ics", Reader.Anonymous, "preview"),
            new("GET /api/map/export.csv", $"/api/map/export.csv?edition={edition}", Reader.Anonymous, map),
            new("GET /api/map/export.geojson", $"/api/map/export.geojson?edition={edition}", Reader.Anonymous, map),
            new("GET /api/map/events.ics", $"/api/map/events.ics?edition={edition}", Reader.Anonymous, map),
            new("GET /sitemap.xml", "/sitemap.xml", Reader.Anonymous),
            new("GET /robots.txt", "/robots.txt", Reader.Anonymous),
            new("GET /e/{label}", "/e/SDI-2000-000000", Reader.Anonymous),

            new("GET /api/ops/summary", "/api/ops/summary", Reader.Administrator),
            new("GET /api/ops/jobs", "/api/ops/jobs", Reader.Administrator, "state", "q", "page"),
            new("GET /api/ops/jobs/{id:long}", $"/api/ops/jobs/{JobId}", Reader.Administrator),
            new("GET /api/ops/recurring", "/api/ops/recurring", Reader.Administrator),
            new("GET /api/ops/nodes", "/api/ops/nodes", Reader.Administrator),
            new("GET /api/ops/outbox", "/api/ops/outbox", Reader.Administrator, "state", "page"),
            new("GET /api/ops/actions", "/api/ops/actions", Reader.Administrator, "page"),

            new("GET /openapi/{documentName}.json", "/openapi/v1.json", Reader.Anonymous),
            new("GET /api/docs/{documentName?}", "/api/docs/", Reader.Anonymous),
            new("GET /api/docs/scalar.js", "/api/docs/scalar.js", Reader.Anonymous),
            new("GET /api/docs/scalar.aspnetcore.js", "/api/docs/scalar.aspnetcore.js", Reader.Anonymous),
            new("GET /api/docs/favicon.svg", "/api/docs/favicon.svg", Reader.Anonymous),
            new("GET /health/live", "/health/live", Reader.Anonymous),
            new("GET /health/ready", "/health/ready", Reader.Anonymous),
        ];
    }

    /// <summary>The GET routes the app declares (« GET /api/events/ »), pages and the jobs dashboard aside.</summary>
    public HashSet<string> DeclaredReads() =>
        Kit.Platform.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is null)
            // Static files (MapStaticAssets) read no query string; « {**path:file} » is its fallback for a build's files.
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is null && e.RoutePattern.RawText != "{**path:file}")
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains(HttpMethods.Get) == true)
            .Select(e => $"GET {e.RoutePattern.RawText}")
            .ToHashSet(StringComparer.Ordinal);

    public async ValueTask DisposeAsync()
    {
        foreach (var (reader, client) in Clients)
        {
            if (reader != Reader.Administrator)
            {
                client.Dispose();
            }
        }

        await Kit.DisposeAsync();
    }
}
