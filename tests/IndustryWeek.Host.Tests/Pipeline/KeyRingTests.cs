using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Xml.Linq;
using IndustryWeek.Testing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryWeek.Host.Tests.Pipeline;

/// <summary>
/// The Data Protection key ring through the library's EF Core repository: the keys the platform's own repository
/// stored before still open what they protected, and with a certificate configured the keys are encrypted at rest
/// while sessions keep working across restarts and a change of certificate.
/// </summary>
public sealed class KeyRingTests
{
    private const string Purpose = "KeyRingTests.payload";
    private const string Payload = "ouvert par la nouvelle version";

    public static TheoryData<string> Providers() => TestDatabase.Providers();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Upgrade_WhenAKeyWasStoredByThePreviousRepository_OpensWhatItProtectedWithoutANewKey(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var migrate = new PlatformFactory(database))
        {
            _ = migrate.Services; // the schema as every earlier version left it: no migration touches the key table
        }

        // That start already made its key (the key ring is loaded at start): only the previous version's is wanted.
        await database.ExecuteAsync("DELETE FROM platform_data_protection_keys");
        var protectedBefore = ProtectAsThePreviousVersionDid(database);
        var storedBefore = Assert.Single(await KeyXmlAsync(database));

        await using var platform = new PlatformFactory(database);
        var opened = platform.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Unprotect(protectedBefore);
        using var signedIn = await platform.SignedInClientAsync();
        var info = await signedIn.GetFromJsonAsync<JsonElement>(new Uri("/api/identity/manage/info", UriKind.Relative));

        Assert.Equal(Payload, opened);
        Assert.Equal(PlatformFactory.AdminEmail, info.GetProperty("email").GetString());
        Assert.Equal(storedBefore, Assert.Single(await KeyXmlAsync(database))); // the same single key signed the new session too
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Certificate_WhenConfigured_EncryptsTheKeysAtRestAndSessionsSurviveARestartAndANewCertificate(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var first = WriteCertificate(database.Directory, "premier.pfx", "mot-de-passe-1");
        var second = WriteCertificate(database.Directory, "second.pfx", "mot-de-passe-2");
        var withFirst = new Dictionary<string, string?>
        {
            ["DataProtection:CertificatePath"] = first,
            ["DataProtection:CertificatePassword"] = "mot-de-passe-1",
        };

        string session;
        await using (var host = new PlatformFactory(database, withFirst))
        {
            using var client = host.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
            var login = await client.PostAsJsonAsync("/api/identity/login?useCookies=true", new { email = PlatformFactory.AdminEmail, password = PlatformFactory.AdminPassword });
            login.EnsureSuccessStatusCode();
            session = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("sdi.session=", StringComparison.Ordinal)).Split(';')[0];
        }

        var xml = Assert.Single(await KeyXmlAsync(database));
        Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal); // the key's secret is not stored in clear

        // Restarted with the same certificate, then with a new one while the first still decrypts the existing key.
        var restarted = await SignedInAsAsync(new PlatformFactory(database, withFirst), session);
        var withSecond = new Dictionary<string, string?>
        {
            ["DataProtection:CertificatePath"] = second,
            ["DataProtection:CertificatePassword"] = "mot-de-passe-2",
            ["DataProtection:PreviousCertificates:0:Path"] = first,
            ["DataProtection:PreviousCertificates:0:Password"] = "mot-de-passe-1",
        };
        var rotated = await SignedInAsAsync(new PlatformFactory(database, withSecond), session);

        Assert.Equal((HttpStatusCode.OK, PlatformFactory.AdminEmail), restarted);
        Assert.Equal((HttpStatusCode.OK, PlatformFactory.AdminEmail), rotated);
        Assert.Equal(1, await database.ScalarAsync("SELECT COUNT(*) FROM platform_data_protection_keys"));
    }

    /// <summary>A self-signed certificate with its private key, as an operator would put on the server (.pfx).</summary>
    internal static string WriteCertificate(string directory, string name, string password)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=IndustryWeek Data Protection", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(directory, name);
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return path;
    }

    private static async Task<(HttpStatusCode, string?)> SignedInAsAsync(PlatformFactory factory, string session)
    {
        await using (factory)
        {
            using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/identity/manage/info", UriKind.Relative));
            request.Headers.Add("Cookie", session);
            using var response = await client.SendAsync(request);
            var email = response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("email").GetString() : null;
            return (response.StatusCode, email);
        }
    }

    /// <summary>
    /// A payload protected by a host of the previous version: same application name, its key stored in
    /// platform_data_protection_keys as its own repository wrote it (friendly name, XML without formatting).
    /// </summary>
    private static string ProtectAsThePreviousVersionDid(TestDatabase database)
    {
        var services = new ServiceCollection();
        services.AddDataProtection().SetApplicationName("IndustryWeek");
        services.Configure<KeyManagementOptions>(o => o.XmlRepository = new PreviousRepository(database));
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Protect(Payload);
    }

    private static Task<IReadOnlyList<string>> KeyXmlAsync(TestDatabase database) =>
        database.ValuesAsync("""SELECT "Xml" FROM platform_data_protection_keys ORDER BY "Id" """, r => r.GetString(0));

    /// <summary>What the previous version's DatabaseXmlRepository did, in SQL: one row per key.</summary>
    private sealed class PreviousRepository(TestDatabase database) : IXmlRepository
    {
        public IReadOnlyCollection<XElement> GetAllElements()
        {
            using var connection = database.CreateConnection();
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """SELECT "Xml" FROM platform_data_protection_keys ORDER BY "Id" """;
            using var reader = command.ExecuteReader();
            var elements = new List<XElement>();
            while (reader.Read())
            {
                elements.Add(XElement.Parse(reader.GetString(0)));
            }

            return elements;
        }

        public void StoreElement(XElement element, string friendlyName)
        {
            using var connection = database.CreateConnection();
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """INSERT INTO platform_data_protection_keys ("FriendlyName", "Xml") VALUES (@name, @xml)""";
            Add(command, "@name", friendlyName);
            Add(command, "@xml", element.ToString(SaveOptions.DisableFormatting));
            command.ExecuteNonQuery();
        }

        private static void Add(DbCommand command, string name, string value)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
    }
}
