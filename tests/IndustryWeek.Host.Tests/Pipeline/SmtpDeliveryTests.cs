using System.Net.Http.Json;
using IndustryWeek.Testing;

namespace IndustryWeek.Host.Tests.Pipeline;

/// <summary>The kit mail really goes through an SMTP server (aiosmtpd), as in production.</summary>
public sealed class SmtpDeliveryTests
{
    [Fact]
    public async Task Grant_WhenMailDeliveryIsSmtp_OrganiserReceivesTheKitMail()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var smtp = await SmtpServer.StartAsync(Path.Combine(database.Directory, "maildir"));
        await using var platform = new PlatformFactory(database, new Dictionary<string, string?>
        {
            ["Mail:Delivery"] = "Smtp",
            ["Mail:SmtpHost"] = "127.0.0.1",
            ["Mail:SmtpPort"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:From"] = "semaine-industrie@tests.local",
            ["Mail:ReplyTo"] = "contact@tests.local",
        });
        using var moderator = await platform.SignedInClientAsync();
        var submitted = SampleEvents.FactoryVisit(title: "Job dating « Métiers de l'énergie »");
        await platform.PublishAsync(submitted);

        (await moderator.PostAsJsonAsync($"/api/labelling/applications/{submitted.EventId}/grant", new { })).EnsureSuccessStatusCode();

        await Eventually.WaitAsync(() => Task.FromResult(smtp.ReceivedFiles().Count == 1), "the SMTP server received the kit mail");
        var raw = await File.ReadAllTextAsync(smtp.ReceivedFiles()[0]);
        var mail = MailFile.Parse(raw);
        Assert.Equal("organisatrice@usine-exemple.fr", mail.To);
        Assert.Equal("Votre événement « Job dating « Métiers de l'énergie » » est labellisé (SDI-2020-000001) : votre kit de communication", mail.Subject);
        Assert.Contains("mercredi 18 novembre 2020, 14 h 00 – 17 h 30", mail.Body);
        Assert.Contains("From: \"Semaine de l'industrie\" <semaine-industrie@tests.local>", raw.Replace("=?utf-8?B?U2VtYWluZSBkZSBsJ2luZHVzdHJpZQ==?=", "\"Semaine de l'industrie\"", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Reply-To: contact@tests.local", raw, StringComparison.Ordinal);
        Assert.Empty(platform.Mails()); // nothing went to the pickup folder
    }
}
