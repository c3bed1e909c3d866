using System.Net.Http.Json;
using System.Text;
using IndustryWeek.Testing;
using MimeKit;

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

        await Eventually.WaitAsync(() => Task.FromResult(KitMails(smtp).Count == 1), "the SMTP server received the kit mail");
        var raw = KitMails(smtp)[0];
        var mail = MailFile.Parse(raw);
        Assert.Equal("organisatrice@usine-exemple.fr", mail.To);
        Assert.Equal("Votre événement « Job dating « Métiers de l'énergie » » est labellisé (SDI-2020-000001) : votre kit de communication", mail.Subject);
        Assert.Contains("mercredi 18 novembre 2020, 14 h 00 – 17 h 30", mail.Body);
        using var message = MailFile.Load(raw);
        var from = Assert.Single(message.From.Mailboxes);
        Assert.Equal(("Semaine de l'industrie", "semaine-industrie@tests.local"), (from.Name, from.Address));
        Assert.Equal("contact@tests.local", Assert.Single(message.ReplyTo.Mailboxes).Address);
        Assert.Empty(platform.Mails()); // nothing went to the pickup folder
    }

    [Fact]
    public async Task Grant_WhenMailDeliveryIsSmtp_KitMailCarriesThePosterAndTheCertificateAsPdfsAndAFrenchText()
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
            ["Site:PublicUrl"] = "https://semaine-industrie.example",
        });
        using var moderator = await platform.SignedInClientAsync();
        var submitted = SampleEvents.FactoryVisit();
        await platform.PublishAsync(submitted);

        (await moderator.PostAsJsonAsync($"/api/labelling/applications/{submitted.EventId}/grant", new { })).EnsureSuccessStatusCode();

        await Eventually.WaitAsync(() => Task.FromResult(KitMails(smtp).Count == 1), "the SMTP server received the kit mail");
        var raw = KitMails(smtp)[0];
        using var message = MailFile.Load(raw);
        var pdfs = message.Attachments.OfType<MimePart>().ToList();
        Assert.Equal(["affiche-SDI-2020-000001.pdf", "attestation-SDI-2020-000001.pdf"], pdfs.Select(p => p.FileName));
        Assert.Equal(["affiche-SDI-2020-000001.pdf", "attestation-SDI-2020-000001.pdf"], MailFile.Parse(raw).AttachmentNames);
        foreach (var pdf in pdfs)
        {
            Assert.Equal("application/pdf", pdf.ContentType.MimeType);
            Assert.Equal(ContentEncoding.Base64, pdf.ContentTransferEncoding);
            Assert.True(pdf.IsAttachment);
            using var content = new MemoryStream();
            pdf.Content!.DecodeTo(content);
            Assert.True(content.Length > 1000, $"{pdf.FileName}: {content.Length} bytes");
            Assert.Equal("%PDF-", Encoding.ASCII.GetString(content.GetBuffer(), 0, 5));
        }

        // multipart/alternative: the plain text first, then the same in HTML.
        var alternative = Assert.IsType<MultipartAlternative>(Assert.IsType<Multipart>(message.Body).First());
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType));
        var text = (TextPart)alternative[0];
        Assert.Equal("utf-8", text.ContentType.Charset, ignoreCase: true);
        var body = text.Text;
        Assert.Contains("Votre événement « Visite de l'usine de Valenciennes » (Usine Exemple SAS) est labellisé Semaine de l'industrie 2020.", body, StringComparison.Ordinal);
        Assert.Contains("Numéro de label : SDI-2020-000001", body, StringComparison.Ordinal);
        Assert.Contains("Vous trouverez en pièces jointes votre affiche personnalisée (avec le code QR de la page publique de votre événement) et votre attestation de labellisation.", body, StringComparison.Ordinal);
        Assert.Contains($"se télécharge depuis votre espace organisateur :\nhttps://semaine-industrie.example/mon-espace/evenements/{submitted.EventId}\n", body.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains($"La page publique de votre événement : https://semaine-industrie.example/evenements/{submitted.EventId}", body, StringComparison.Ordinal);
        Assert.Equal("semaine-industrie@tests.local", Assert.Single(message.From.Mailboxes).Address);
        Assert.Equal("contact@tests.local", Assert.Single(message.ReplyTo.Mailboxes).Address);
        Assert.Equal("organisatrice@usine-exemple.fr", Assert.Single(message.To.Mailboxes).Address);
        var html = MailFile.Parse(raw).Html;
        Assert.Contains("<html lang=\"fr\">", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"https://semaine-industrie.example/evenements/{submitted.EventId}\"", html, StringComparison.Ordinal);
    }

    /// <summary>The kit mails the SMTP server received (the organiser is also told the submission was received).</summary>
    private static List<string> KitMails(SmtpServer smtp) =>
        [.. smtp.ReceivedFiles().Select(File.ReadAllText).Where(raw => MailFile.Parse(raw).Subject.Contains("kit de communication", StringComparison.Ordinal))];
}
