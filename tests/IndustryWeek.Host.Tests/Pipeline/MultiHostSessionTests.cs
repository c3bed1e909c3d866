using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using IndustryWeek.Testing;

namespace IndustryWeek.Host.Tests.Pipeline;

/// <summary>Data Protection keys live in the shared database: a session opened on one host is valid on the others.</summary>
public sealed class MultiHostSessionTests
{
    public static TheoryData<string> Providers() => TestDatabase.Providers();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task BearerToken_WhenIssuedByOneHost_IsAcceptedByAnotherHostOnTheSameDatabase(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var first = new PlatformFactory(database);
        using var signedIn = await first.SignedInClientAsync();
        await using var second = new PlatformFactory(database);
        using var other = second.CreateClient();
        other.DefaultRequestHeaders.Authorization = signedIn.DefaultRequestHeaders.Authorization;

        var onSecondHost = await other.GetFromJsonAsync<JsonElement>(new Uri("/api/identity/manage/info", UriKind.Relative));
        using var forged = second.CreateClient();
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "CfDJ8-not-a-token");
        var rejected = await forged.GetAsync(new Uri("/api/identity/manage/info", UriKind.Relative));

        Assert.Equal(PlatformFactory.AdminEmail, onSecondHost.GetProperty("email").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, rejected.StatusCode);
        Assert.Equal(1, await database.ScalarAsync("SELECT COUNT(*) FROM platform_data_protection_keys"));
    }
}
