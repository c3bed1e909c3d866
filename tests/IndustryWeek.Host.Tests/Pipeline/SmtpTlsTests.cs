using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using IndustryWeek.Testing;

namespace IndustryWeek.Host.Tests.Pipeline;

/// <summary>
/// The kit mail through an SMTP server that requires STARTTLS (aiosmtpd with a self-signed certificate made for the
/// test): sent encrypted when the operator pins that certificate, never sent otherwise, and never in clear; with the
/// configured login when the server requires one.
/// </summary>
public sealed class SmtpTlsTests
{
    [Fact]
    public async Task Grant_WhenTheServerRequiresStartTlsAndItsCertificateIsPinned_TheOrganiserReceivesTheKitMail()
    {
        await using var database = TestDatabase.CreateSqlite();
        var certificate = SmtpServer.CreateTlsCertificate(database.Directory);
        await using var smtp = await SmtpServer.StartAsync(Path.Combine(database.Directory, "maildir"), startTls: certificate);
        await using var platform = new PlatformFactory(database, Settings(smtp.Port, "StartTls", certificate.Sha256));

        await GrantAsync(platform);

        // The server takes no mail before STARTTLS: what it received came over TLS.
        await Eventually.WaitAsync(() => Task.FromResult(MailFile.Kits(smtp.ReceivedFiles()).Count == 1), "the SMTP server received the kit mail over STARTTLS");
        var mail = MailFile.Read(Assert.Single(MailFile.Kits(smtp.ReceivedFiles())));
        Assert.Equal("organisatrice@usine-exemple.fr", mail.To);
        Assert.Equal(["affiche-SDI-2020-000001.pdf", "attestation-SDI-2020-000001.pdf"], mail.AttachmentNames);
        Assert.Contains("<html lang=\"fr\">", mail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grant_WhenTheServerSpeaksTlsFromTheFirstByteAndItsCertificateIsPinned_TheOrganiserReceivesTheKitMail()
    {
        await using var database = TestDatabase.CreateSqlite();
        var certificate = SmtpServer.CreateTlsCertificate(database.Directory);
        await using var smtp = await SmtpServer.StartAsync(Path.Combine(database.Directory, "maildir"), smtps: certificate);
        await using var platform = new PlatformFactory(database, Settings(smtp.Port, "SslOnConnect", certificate.Sha256));

        await GrantAsync(platform);

        // The server answers nothing in clear: what it received came over TLS.
        await Eventually.WaitAsync(() => Task.FromResult(MailFile.Kits(smtp.ReceivedFiles()).Count == 1), "the SMTPS server received the kit mail");
        var mail = MailFile.Read(Assert.Single(MailFile.Kits(smtp.ReceivedFiles())));
        Assert.Equal("organisatrice@usine-exemple.fr", mail.To);
        Assert.Equal(["affiche-SDI-2020-000001.pdf", "attestation-SDI-2020-000001.pdf"], mail.AttachmentNames);
    }

    [Fact]
    public async Task Grant_WhenTheServersCertificateIsNotTrusted_NothingIsSentAndTheDeliveryFailsWithTheReason()
    {
        await using var database = TestDatabase.CreateSqlite();
        var certificate = SmtpServer.CreateTlsCertificate(database.Directory);
        await using var smtp = await SmtpServer.StartAsync(Path.Combine(database.Directory, "maildir"), startTls: certificate);
        await using var platform = new PlatformFactory(database, Settings(smtp.Port, "StartTls", pinned: null)); // certificates checked as by default

        await GrantAsync(platform);

        await Eventually.WaitAsync(
            async () => await database.ScalarAsync("""SELECT COUNT(*) FROM kit_deliveries WHERE "Status" = 'Failed' AND "LastError" LIKE '%certificate%'""") == 1,
            "the delivery failed, its reason naming the certificate");
        Assert.Empty(smtp.ReceivedFiles());
    }

    [Fact]
    public async Task Grant_WhenStartTlsIsRequiredButTheServerDoesNotOfferIt_NothingIsSentInClear()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var smtp = await SmtpServer.StartAsync(Path.Combine(database.Directory, "maildir")); // plain SMTP only
        await using var platform = new PlatformFactory(database, Settings(smtp.Port, "StartTls", pinned: null));

        await GrantAsync(platform);

        await Eventually.WaitAsync(
            async () => await database.ScalarAsync("""SELECT COUNT(*) FROM kit_deliveries WHERE "Status" = 'Failed' AND "LastError" LIKE '%STARTTLS%'""") == 1,
            "the delivery failed, its reason naming STARTTLS");
        Assert.Empty(smtp.ReceivedFiles());
    }

    [Fact]
    public async Task Grant_WhenTheServerRequiresALogin_TheConfiguredUserNameAndPasswordGetTheKitMailThrough()
    {
        await using var database = TestDatabase.CreateSqlite();
        var certificate = SmtpServer.CreateTlsCertificate(database.Directory);
        await using var smtp = await SmtpServer.StartAsync(Path.Combine(database.Directory, "maildir"), startTls: certificate, login: new NetworkCredential("plateforme", "mot de passe « sûr »"));
        var settings = Settings(smtp.Port, "StartTls", certificate.Sha256);
        (settings["Mail:SmtpUserName"], settings["Mail:SmtpPassword"]) = ("plateforme", "mot de passe « sûr »");
        await using var platform = new PlatformFactory(database, settings);

        await GrantAsync(platform);

        // The server takes no mail without the login.
        await Eventually.WaitAsync(() => Task.FromResult(MailFile.Kits(smtp.ReceivedFiles()).Count == 1), "the SMTP server received the kit mail after the login");
        Assert.Equal("organisatrice@usine-exemple.fr", MailFile.Read(Assert.Single(MailFile.Kits(smtp.ReceivedFiles()))).To);
    }

    [Fact]
    public async Task Grant_WhenThePasswordIsWrong_NothingIsSentAndTheDeliveryFailsWithTheServersAnswer()
    {
        await using var database = TestDatabase.CreateSqlite();
        var certificate = SmtpServer.CreateTlsCertificate(database.Directory);
        await using var smtp = await SmtpServer.StartAsync(Path.Combine(database.Directory, "maildir"), startTls: certificate, login: new NetworkCredential("plateforme", "le bon"));
        var settings = Settings(smtp.Port, "StartTls", certificate.Sha256);
        (settings["Mail:SmtpUserName"], settings["Mail:SmtpPassword"]) = ("plateforme", "un mauvais");
        await using var platform = new PlatformFactory(database, settings);

        await GrantAsync(platform);

        await Eventually.WaitAsync(
            async () => await database.ScalarAsync("""SELECT COUNT(*) FROM kit_deliveries WHERE "Status" = 'Failed' AND "LastError" LIKE '%authentication%'""") == 1,
            "the delivery failed, its reason naming the authentication");
        Assert.Empty(smtp.ReceivedFiles());
    }

    private static Dictionary<string, string?> Settings(int port, string security, string? pinned) => new()
    {
        ["Mail:Delivery"] = "Smtp",
        ["Mail:SmtpHost"] = "127.0.0.1",
        ["Mail:SmtpPort"] = port.ToString(CultureInfo.InvariantCulture),
        ["Mail:SmtpSecurity"] = security,
        ["Mail:SmtpCertificateSha256"] = pinned,
        ["Mail:SmtpTimeout"] = "00:00:05",
    };

    private static async Task GrantAsync(PlatformFactory platform)
    {
        using var moderator = await platform.SignedInClientAsync();
        var submitted = SampleEvents.FactoryVisit();
        await platform.PublishAsync(submitted);
        (await moderator.PostAsJsonAsync($"/api/labelling/applications/{submitted.EventId}/grant", new { })).EnsureSuccessStatusCode();
    }
}
