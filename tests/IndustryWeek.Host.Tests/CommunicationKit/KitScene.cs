using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IndustryWeek.Shared.Outbox;
using IndustryWeek.Shared.Security;
using IndustryWeek.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryWeek.Host.Tests.CommunicationKit;

/// <summary>
/// The host on a database of its own, the outbox dispatched by the test, the upcoming edition published
/// (registration open today), organisers of their own organisation, and events labelled through the
/// real API: the kit is the one Registration, Labelling and CommunicationKit make together.
/// </summary>
internal sealed class KitScene : IAsyncDisposable
{
    public const string Password = "Mot-de-passe-2027";
    public const string ModeratorEmail = "moderatrice@prefecture-hdf.fr";
    public const string DeliverJobs = "communication-kit.deliver";
    public const string Title = "Visite de l'usine de Valenciennes";
    public const string Description = "Découverte des lignes d'assemblage et des métiers de la production, avec les apprentis du site.";

    /// <summary>What the kit's API says of a kit it does not show (none, or another organisation's).</summary>
    public const string NoKit = "Aucun kit de communication pour cet événement, ou cet événement n'est pas celui de votre organisation.";

    private KitScene(TestDatabase database, PlatformFactory platform, int year, DateOnly monday)
    {
        Database = database;
        Platform = platform;
        Year = year;
        Monday = monday;
    }

    public TestDatabase Database { get; }

    public PlatformFactory Platform { get; }

    public HttpClient Admin { get; private set; } = null!;

    /// <summary>The year of the upcoming edition (next March's).</summary>
    public int Year { get; }

    /// <summary>The first day of the edition's headline week.</summary>
    public DateOnly Monday { get; }

    /// <summary>A Tuesday of the headline week, inside every period of the edition.</summary>
    public DateOnly SessionDay => Monday.AddDays(1);

    public static async Task<KitScene> StartAsync(string provider = "Sqlite", IReadOnlyDictionary<string, string?>? settings = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var all = new Dictionary<string, string?> { ["Outbox:DispatcherEnabled"] = "false" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        // As the demo's upcoming edition: next March's week (this March's until February), registration open today.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var year = today.Month >= 3 ? today.Year + 1 : today.Year;
        var monday = new DateOnly(year, 3, 20);
        while (monday.DayOfWeek != DayOfWeek.Monday)
        {
            monday = monday.AddDays(1);
        }

        var scene = new KitScene(database, new PlatformFactory(database, all), year, monday);
        scene.Admin = await scene.Platform.SignedInClientAsync();
        await scene.PublishEditionAsync(today);
        return scene;
    }

    public string LabelNumber(int number = 1) => string.Create(CultureInfo.InvariantCulture, $"SDI-{Year}-{number:000000}");

    public Task<int> DispatchAsync() => Platform.Services.GetRequiredService<IOutboxDispatcher>().DispatchPendingAsync(CancellationToken.None);

    /// <summary>An organiser signed in, whose organisation is described.</summary>
    public async Task<HttpClient> OrganiserAsync(string email, string organisation)
    {
        await Platform.CreateUserAsync(email, Password, [PlatformRoles.Organiser]);
        var client = await Platform.SignedInClientAsync(email, Password);
        var saved = await client.PutAsJsonAsync("/api/me/organisation", new
        {
            name = organisation,
            type = "IndustrialCompany",
            address = new { street = "1 rue de l'Industrie", postalCode = "59300", city = "Valenciennes" },
            contactName = "Camille Martin",
        });
        saved.EnsureSuccessStatusCode();
        return client;
    }

    /// <summary>A moderator of Hauts-de-France, signed in.</summary>
    public async Task<HttpClient> ModeratorAsync()
    {
        await Platform.CreateUserAsync(ModeratorEmail, Password, [PlatformRoles.Moderator], ["32"]);
        return await Platform.SignedInClientAsync(ModeratorEmail, Password);
    }

    /// <summary>Created and submitted by the organiser; Labelling has opened its application.</summary>
    public async Task<Guid> SubmittedEventAsync(HttpClient organiser, string title = Title)
    {
        ArgumentNullException.ThrowIfNull(organiser);
        var created = await organiser.PostAsJsonAsync("/api/events", EventBody(title: title));
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"POST /api/events: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var submitted = await organiser.PostAsync(new Uri($"/api/events/{id}/submit", UriKind.Relative), null);
        Assert.True(submitted.IsSuccessStatusCode, $"submit: {(int)submitted.StatusCode} {await submitted.Content.ReadAsStringAsync()}");
        await DispatchAsync(); // EventSubmitted → Labelling
        return id;
    }

    /// <summary>The administrator grants the label; LabelGranted waits in Labelling's outbox.</summary>
    public async Task GrantAsync(Guid eventId)
    {
        var granted = await Admin.PostAsJsonAsync($"/api/labelling/applications/{eventId}/grant", new { comment = "Les critères sont remplis." });
        Assert.True(granted.IsSuccessStatusCode, $"grant: {(int)granted.StatusCode} {await granted.Content.ReadAsStringAsync()}");
    }

    /// <summary>Submitted, granted, and LabelGranted dispatched: the kit is recorded and its job scheduled.</summary>
    public async Task<Guid> LabelledEventAsync(HttpClient organiser, string title = Title)
    {
        var id = await SubmittedEventAsync(organiser, title);
        await GrantAsync(id);
        await DispatchAsync();
        return id;
    }

    /// <summary>The event as PUT /api/events/{id} takes it.</summary>
    public Dictionary<string, object?> EventBody(string title = Title, string description = Description, DateOnly? day = null, int? revision = null)
    {
        var date = (day ?? SessionDay).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var body = new Dictionary<string, object?>
        {
            ["title"] = title,
            ["description"] = description,
            ["format"] = "CompanyVisit",
            ["audiences"] = new[] { "Pupils", "JobSeekers" },
            ["sectors"] = new[] { "Automotive" },
            ["topics"] = new[] { "Transition écologique" },
            ["sessions"] = new[] { new { start = $"{date}T09:00", end = $"{date}T12:00" } },
            ["location"] = new { mode = "OnSite", street = "1 rue de l'Industrie", postalCode = "59300", inseeCode = "59606", latitude = 50.357, longitude = 3.523 },
            ["isFree"] = true,
            ["booking"] = new { required = true, url = "https://usine-exemple.fr/visites", capacity = 25 },
            ["publicContact"] = new { email = "visites@usine-exemple.fr", phone = "03 27 00 00 00" },
            ["accessible"] = true,
            ["aboutIndustry"] = true,
        };
        if (revision is not null)
        {
            body["revision"] = revision;
        }

        return body;
    }

    /// <summary>GET /api/events/{id}/kit/status as <paramref name="client"/> (the administrator by default).</summary>
    public async Task<JsonElement> KitAsync(Guid eventId, HttpClient? client = null)
    {
        var response = await (client ?? Admin).GetAsync(new Uri($"/api/events/{eventId}/kit/status", UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"kit status: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static JsonElement? Delivery(JsonElement kit, string key) =>
        kit.GetProperty("deliveries").EnumerateArray().Cast<JsonElement?>().FirstOrDefault(d => d!.Value.GetProperty("key").GetString() == key);

    /// <summary>Waits until the delivery <paramref name="key"/> of the event's kit has <paramref name="status"/>, as the administrator sees it.</summary>
    public async Task<JsonElement> WaitForDeliveryAsync(Guid eventId, string key, string status, TimeSpan? timeout = null)
    {
        JsonElement? found = null;
        await Eventually.WaitAsync(
            async () =>
            {
                var response = await Admin.GetAsync(new Uri($"/api/events/{eventId}/kit/status", UriKind.Relative));
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    return false;
                }

                found = Delivery(await response.Content.ReadFromJsonAsync<JsonElement>(), key);
                return found?.GetProperty("status").GetString() == status;
            },
            $"the kit delivery « {key} » is {status}",
            timeout);
        return found!.Value;
    }

    /// <summary>The kit mails written so far (the pickup folder), in no particular order.</summary>
    public IReadOnlyList<MailFile> KitMails() =>
        [.. Platform.Mails().Select(MailFile.Read).Where(m => m.Subject.Contains("kit de communication", StringComparison.Ordinal))];

    /// <summary>GET /api/events/{id}/kit: the zip's entries by name.</summary>
    public static async Task<Dictionary<string, byte[]>> EntriesAsync(HttpResponseMessage download)
    {
        ArgumentNullException.ThrowIfNull(download);
        var entries = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using var zip = new ZipArchive(new MemoryStream(await download.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        foreach (var entry in zip.Entries)
        {
            await using var stream = entry.Open();
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            entries[entry.FullName] = copy.ToArray();
        }

        return entries;
    }

    /// <summary>A text file of the kit as Notepad shows it (UTF-8, its BOM left out).</summary>
    public static string Text(byte[] content) => System.Text.Encoding.UTF8.GetString(content).TrimStart('\uFEFF');

    public static async Task<string?> DetailAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
    }

    public async ValueTask DisposeAsync()
    {
        Admin?.Dispose();
        await Platform.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>Created and published by the administrator; every module knows it once EditionPublished is dispatched.</summary>
    private async Task PublishEditionAsync(DateOnly today)
    {
        var closes = Monday.AddDays(-10);
        var opens = today.AddDays(-7) < closes ? today.AddDays(-7) : closes.AddDays(-1);
        var created = await Admin.PostAsJsonAsync("/api/editions", new Dictionary<string, object?>
        {
            ["number"] = Year - 2010,
            ["year"] = Year,
            ["name"] = $"Semaine de l'industrie {Year}",
            ["theme"] = "Inventer un avenir durable",
            ["themeDescription"] = "Transition écologique, économie circulaire et mixité des métiers.",
            ["focusTopics"] = new[] { "Transition écologique", "Économie circulaire", "Mixité des métiers" },
            ["hashtag"] = "#SemaineIndustrie",
            ["headlineWeek"] = new { start = Day(Monday), end = Day(Monday.AddDays(6)) },
            ["eventPeriod"] = new { start = Day(Monday), end = Day(Monday.AddDays(6)) },
            ["regionalPeriods"] = new[] { new { regionCode = "32", start = Day(Monday.AddDays(-7)), end = Day(Monday.AddDays(20)) } },
            ["registrationOpens"] = Day(opens),
            ["registrationCloses"] = Day(closes),
            ["mapVisibleFrom"] = Day(opens),
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"POST /api/editions: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var published = await Admin.PostAsync(new Uri($"/api/editions/{id}/publish", UriKind.Relative), null);
        Assert.True(published.IsSuccessStatusCode, $"publish: {(int)published.StatusCode} {await published.Content.ReadAsStringAsync()}");
        await DispatchAsync();

        static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
