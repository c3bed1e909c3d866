using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using IndustryWeek.Testing;

namespace IndustryWeek.Host.Tests.Startup;

/// <summary>
/// The application as it is deployed: `dotnet publish` of the host, its output copied alone into a temporary
/// folder (no source tree, no node_modules around it) and run there as its own process, on its embedded defaults.
/// </summary>
public sealed partial class PublishedHostTests : IAsyncLifetime
{
    private const string OrganiserEmail = "camille@usine-exemple.fr";
    private const string OrganiserPassword = "Mot-de-passe-2020";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"industryweek-published-{Guid.NewGuid():N}");

    private string App => Path.Combine(_folder, "app");

    public async Task InitializeAsync()
    {
        // The build the tests run on, published (no second compilation); what it writes is what a deployment gets.
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var publish = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "publish", Path.Combine(HostProcess.RepositoryRoot, "src", "Host", "IndustryWeek.Host.csproj"), "--no-build", "-c", configuration, "-o", App, "-nologo" })
        {
            publish.ArgumentList.Add(argument);
        }

        using var process = Process.Start(publish)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"dotnet publish: {await output}{await errors}");
    }

    public Task DisposeAsync()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        return Task.CompletedTask;
    }

    [Fact]
    public async Task PublishedOutput_RunOnItsOwn_ServesStyledPagesTheCommunesAndTakesAnEventThroughTheApi()
    {
        Assert.True(File.Exists(Path.Combine(App, "wwwroot", "lib", "dsfr", "dsfr.public.min.css")), "DSFR in the publish output");
        Assert.True(File.Exists(Path.Combine(App, "cog", "communes.json")), "the COG data in the publish output");
        Assert.True(File.Exists(Path.Combine(App, "cog", "centres.json")), "the communes' centres in the publish output");
        Assert.False(Directory.Exists(Path.Combine(App, "node_modules")), "no node_modules in the publish output");

        var mail = Path.Combine(_folder, "mail");
        await using var host = HostProcess.Start(App, Settings(mail), Path.Combine(App, "IndustryWeek.Host.dll"));
        await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        Assert.True(File.Exists(Path.Combine(App, "data", "industryweek.db")), "the embedded database beside the application");
        using var anonymous = host.CreateClient();

        // A styled page: its stylesheets answer, fingerprinted and cached for a year, smaller with Brotli and gzip.
        var home = await anonymous.GetStringAsync(new Uri("/", UriKind.Relative));
        var stylesheet = Stylesheet().Match(home).Groups["url"].Value;
        Assert.Matches(@"^/lib/dsfr/dsfr\.public\.min\.[a-z0-9]+\.css$", stylesheet);
        using var plain = await anonymous.GetAsync(new Uri(stylesheet, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.Equal("text/css", plain.Content.Headers.ContentType?.MediaType);
        Assert.Equal("max-age=31536000, immutable", plain.Headers.CacheControl?.ToString());
        var css = await plain.Content.ReadAsByteArrayAsync();
        foreach (var encoding in new[] { "br", "gzip" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, stylesheet) { Headers = { AcceptEncoding = { new StringWithQualityHeaderValue(encoding) } } };
            using var compressed = await anonymous.SendAsync(request);
            Assert.Equal(encoding, Assert.Single(compressed.Content.Headers.ContentEncoding));
            var body = await compressed.Content.ReadAsByteArrayAsync();
            Assert.True(body.Length < css.Length / 4, $"{encoding}: {body.Length} bytes for {css.Length}");
            Assert.Equal(css, Decompress(encoding, body));

            using var again = new HttpRequestMessage(HttpMethod.Get, stylesheet) { Headers = { AcceptEncoding = { new StringWithQualityHeaderValue(encoding) } } };
            again.Headers.IfNoneMatch.Add(compressed.Headers.ETag!);
            Assert.Equal(HttpStatusCode.NotModified, (await anonymous.SendAsync(again)).StatusCode);
        }

        // France's outline for the maps, with its type.
        using var outline = await anonymous.GetAsync(new Uri("/geo/regions.geojson", UriKind.Relative));
        Assert.Equal("application/geo+json", outline.Content.Headers.ContentType?.MediaType);

        // The official communes, read from the copy beside the application.
        var communes = await anonymous.GetFromJsonAsync<JsonElement>(new Uri("/api/geo/communes?postalCode=59300", UriKind.Relative));
        Assert.Contains(communes.EnumerateArray(), c => c.GetProperty("name").GetString() == "Valenciennes");

        // An organiser registers, confirms, describes the organisation, creates and submits an event.
        using var admin = await SignInAsync(host, "admin@tests.local", PlatformFactory.AdminPassword);
        await PublishEditionAsync(admin);
        using var organiser = await RegisterOrganiserAsync(host, mail);
        var created = await organiser.PostAsJsonAsync("/api/events", FactoryVisit());
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"POST /api/events: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var submitted = await organiser.PostAsync(new Uri($"/api/events/{id}/submit", UriKind.Relative), null);
        Assert.True(submitted.IsSuccessStatusCode, $"submit: {(int)submitted.StatusCode} {await submitted.Content.ReadAsStringAsync()}");
        await Eventually.WaitAsync(
            async () => (await admin.GetFromJsonAsync<JsonElement>(new Uri("/api/labelling/applications", UriKind.Relative))).ToString().Contains(id!, StringComparison.Ordinal),
            "the submitted event waits for moderation");
    }

    [Fact]
    public async Task PublishedOutput_WithoutItsCogData_StartsButIsNotReadyAndSaysWhyInFrench()
    {
        Directory.Delete(Path.Combine(App, "cog"), recursive: true);

        await using var host = HostProcess.Start(App, Settings(Path.Combine(_folder, "mail")), Path.Combine(App, "IndustryWeek.Host.dll"));
        using var client = host.CreateClient();
        HttpResponseMessage? ready = null;
        await Eventually.WaitAsync(
            async () =>
            {
                try
                {
                    ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                    return true;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            "the host answers",
            TimeSpan.FromSeconds(90));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready!.StatusCode);
        var report = await ready.Content.ReadFromJsonAsync<JsonElement>();
        var cog = report.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "cog");
        Assert.Equal("Unhealthy", cog.GetProperty("status").GetString());
        Assert.StartsWith("Données officielles des communes (COG) introuvables", cog.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("Le service ne sera pas prêt (/health/ready répond 503) : Données officielles des communes (COG) introuvables", host.Output + host.Errors, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Settings(string mailDirectory) => new()
    {
        ["Bootstrap:AdminEmail"] = "admin@tests.local",
        ["Bootstrap:AdminPassword"] = PlatformFactory.AdminPassword,
        ["Mail:PickupDirectory"] = mailDirectory,
    };

    private static async Task<HttpClient> SignInAsync(HostProcess host, string email, string password)
    {
        var client = host.CreateClient();
        var login = await client.PostAsJsonAsync("/api/identity/login", new { email, password });
        Assert.True(login.IsSuccessStatusCode, $"login {email}: {(int)login.StatusCode}");
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task PublishEditionAsync(HttpClient admin)
    {
        var created = await admin.PostAsJsonAsync("/api/editions", new Dictionary<string, object?>
        {
            ["number"] = 17,
            ["year"] = 2027,
            ["name"] = "Semaine de l'industrie 2027",
            ["theme"] = "Inventer un avenir durable",
            ["themeDescription"] = "Transition écologique, économie circulaire et mixité des métiers.",
            ["focusTopics"] = new[] { "Transition écologique" },
            ["hashtag"] = "#SemaineIndustrie",
            ["headlineWeek"] = new { start = "2027-03-22", end = "2027-03-28" },
            ["eventPeriod"] = new { start = "2027-03-22", end = "2027-03-28" },
            ["regionalPeriods"] = Array.Empty<object>(),
            ["registrationOpens"] = "2026-11-01",
            ["registrationCloses"] = "2027-03-12",
            ["mapVisibleFrom"] = "2026-11-01",
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"POST /api/editions: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        (await admin.PostAsync(new Uri($"/api/editions/{id}/publish", UriKind.Relative), null)).EnsureSuccessStatusCode();
    }

    private static async Task<HttpClient> RegisterOrganiserAsync(HostProcess host, string mailDirectory)
    {
        using var anonymous = host.CreateClient();
        (await anonymous.PostAsJsonAsync("/api/identity/register", new { email = OrganiserEmail, password = OrganiserPassword })).EnsureSuccessStatusCode();
        string? link = null;
        await Eventually.WaitAsync(
            () =>
            {
                link = Directory.Exists(mailDirectory)
                    ? Directory.GetFiles(mailDirectory, "*.eml").Select(f => ConfirmationLink().Match(MailFile.Read(f).Body)).FirstOrDefault(m => m.Success)?.Value
                    : null;
                return Task.FromResult(link is not null);
            },
            "the confirmation mail");
        (await anonymous.GetAsync(new Uri(new Uri(link!).PathAndQuery, UriKind.Relative))).EnsureSuccessStatusCode();

        var organiser = await SignInAsync(host, OrganiserEmail, OrganiserPassword);
        var organisation = await organiser.PutAsJsonAsync("/api/me/organisation", new
        {
            name = "Usine exemple",
            type = "IndustrialCompany",
            address = new { street = "1 rue de l'Industrie", postalCode = "59300", city = "Valenciennes" },
            contactName = "Camille Martin",
        });
        Assert.True(organisation.IsSuccessStatusCode, $"PUT /api/me/organisation: {(int)organisation.StatusCode} {await organisation.Content.ReadAsStringAsync()}");
        return organiser;
    }

    private static Dictionary<string, object?> FactoryVisit() => new()
    {
        ["title"] = "Visite de l'usine de Valenciennes",
        ["description"] = "Découverte des lignes d'assemblage et des métiers de la production, avec les apprentis du site.",
        ["format"] = "CompanyVisit",
        ["audiences"] = new[] { "Pupils", "JobSeekers" },
        ["sectors"] = new[] { "Automotive" },
        ["topics"] = new[] { "Transition écologique" },
        ["sessions"] = new[] { new { start = "2027-03-23T09:00", end = "2027-03-23T12:00" } },
        ["location"] = new { mode = "OnSite", street = "1 rue de l'Industrie", postalCode = "59300", inseeCode = "59606", latitude = 50.357, longitude = 3.523 },
        ["isFree"] = true,
        ["booking"] = new { required = false },
        ["publicContact"] = new { email = "visites@usine-exemple.fr" },
        ["accessible"] = true,
        ["aboutIndustry"] = true,
    };

    private static byte[] Decompress(string encoding, byte[] body)
    {
        using Stream input = encoding == "br"
            ? new BrotliStream(new MemoryStream(body), CompressionMode.Decompress)
            : new GZipStream(new MemoryStream(body), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    [GeneratedRegex("""<link rel="stylesheet" href="(?<url>/lib/dsfr/dsfr\.public\.min\.[^"]+)""")]
    private static partial Regex Stylesheet();

    [GeneratedRegex(@"https?://\S+/confirmation-email\?\S+")]
    private static partial Regex ConfirmationLink();
}
