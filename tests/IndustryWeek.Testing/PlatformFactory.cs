using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using IndustryWeek.Shared.Messaging;
using IndustryWeek.Shared.Security;
using MediatR;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryWeek.Testing;

/// <summary>The real host in process, on a test database of its own, writing mails to the test's folder.</summary>
public sealed class PlatformFactory(TestDatabase database, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@tests.local";
    public const string AdminPassword = "Admin-Password-2020";

    public TestDatabase Database => database;

    public string MailDirectory => Path.Combine(database.Directory, "mail");

    /// <summary>Replaces the host's clock (the real one by default), e.g. a <see cref="TestClock"/> the test moves forward.</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>Services a test adds to the host's (e.g. a notification handler that fails while the test says so).</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    public IReadOnlyList<string> Mails() =>
        Directory.Exists(MailDirectory) ? Directory.GetFiles(MailDirectory, "*.eml").Order().ToList() : [];

    public static IEnumerable<KeyValuePair<string, string?>> SettingsFor(TestDatabase database, string mailDirectory) =>
    [
        new("Database:Provider", database.Provider),
        new("ConnectionStrings:Default", database.ConnectionString),
        new("Mail:Delivery", "Pickup"),
        new("Mail:PickupDirectory", mailDirectory),
        new("Bootstrap:AdminEmail", AdminEmail),
        new("Bootstrap:AdminPassword", AdminPassword),
        new("Identity:RequireConfirmedEmail", "true"),
        // No map tiles (appsettings.json has the Géoplateforme's): tests run without the internet; France's outline is drawn.
        new("Map:TileUrl", ""),
        // Static files answered with the caching headers a published host sends (fingerprinted: a year, immutable),
        // not the no-cache ASP.NET Core puts on a build's files for live editing.
        new("EnableStaticAssetsDevelopmentCaching", "true"),
    ];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        builder.UseContentRoot(Path.Combine(HostProcess.RepositoryRoot, "src", "Host"));
        // The build's static files where `dotnet run` finds them (its compressed forms are under obj/, not wwwroot).
        builder.UseStaticWebAssets();
        foreach (var (key, value) in SettingsFor(database, MailDirectory).Concat(settings ?? new Dictionary<string, string?>()))
        {
            builder.UseSetting(key, value);
        }

        if (Clock is { } clock)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        }

        if (TestServices is { } testServices)
        {
            builder.ConfigureTestServices(testServices);
        }
    }

    /// <summary>
    /// Serves the host with Kestrel on 127.0.0.1 on a free port, instead of the in-memory test server, for a real
    /// browser. Call it first, before anything starts the host (<see cref="WebApplicationFactory{T}.Services"/>,
    /// <see cref="WebApplicationFactory{T}.CreateClient()"/>); the clients created afterwards speak real HTTP to it.
    /// </summary>
    /// <returns>The address the host listens on, e.g. http://127.0.0.1:40123.</returns>
    public Uri StartKestrel()
    {
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        return new Uri(addresses.Single());
    }

    /// <summary>A client signed in with a bearer token (the bootstrap administrator by default).</summary>
    public async Task<HttpClient> SignedInClientAsync(string email = AdminEmail, string password = AdminPassword)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/identity/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<LoginResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    /// <summary>Creates a confirmed account with the given roles and moderated regions, as an administrator would.</summary>
    public async Task CreateUserAsync(string email, string password, IEnumerable<string> roles, IEnumerable<string>? moderatedRegions = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRolesAsync(user, roles));
        foreach (var region in moderatedRegions ?? [])
        {
            Check(await users.AddClaimAsync(user, new Claim(PlatformClaims.ModeratedRegion, region)));
        }

        static void Check(IdentityResult result)
        {
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
            }
        }
    }

    /// <summary>Publishes a notification in the host as the outbox dispatcher would (e.g. Registration's EventSubmitted).</summary>
    public async Task PublishAsync(INotification notification)
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<INotificationPublisher>().PublishAsync(notification, CancellationToken.None);
    }

    private sealed record LoginResponse(string AccessToken);
}
