using System.Text;
using IndustryWeek.Shared.Mail;
using Microsoft.Extensions.Options;
using MimeKit;

namespace IndustryWeek.Shared.Tests.Mail;

/// <summary>The embedded default: each mail as an .eml file that any mail client opens (MimeKit writes it).</summary>
public sealed class MailKitMailSenderTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("mail-pickup-");

    private static readonly OutgoingMail Kit = new(
        "organisatrice@acieries-du-nord.fr",
        "Votre événement « Visite de l'aciérie » est labellisé : votre kit de communication",
        "Bonjour,\n\nVotre événement est labellisé Semaine de l'industrie.\n\nLa page publique : https://semaine-industrie.example.fr/evenements/1\n")
    {
        Attachments = [new MailAttachment("affiche-SDI-2020-000001.pdf", "application/pdf", Encoding.ASCII.GetBytes("%PDF-1.7 une affiche"))],
    };

    private string Pickup => Path.Combine(_root.FullName, "mail");

    private MailKitMailSender Sender(Action<MailOptions>? configure = null)
    {
        var options = new MailOptions { PickupDirectory = "mail", ReplyTo = "contact@semaine-industrie.example.fr" };
        configure?.Invoke(options);
        return new MailKitMailSender(Options.Create(options), new ContentRoot(_root.FullName));
    }

    [Fact]
    public async Task SendAsync_WhenPickup_WritesOneEmlWithTheTextItsHtmlAlternativeAndTheAttachment()
    {
        await Sender().SendAsync(Kit, CancellationToken.None);

        var file = Assert.Single(Directory.GetFiles(Pickup));
        Assert.EndsWith(".eml", file, StringComparison.Ordinal);
        var bytes = await File.ReadAllBytesAsync(file);
        Assert.All(bytes, b => Assert.True(b < 128, "the file is 7-bit clean")); // accents encoded, as an SMTP relay has them
        var raw = Encoding.ASCII.GetString(bytes);
        Assert.DoesNotContain("\n", raw.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal); // CRLF line ends

        using var message = MimeMessage.Load(file);
        Assert.Equal(Kit.Subject, message.Subject);
        var from = Assert.Single(message.From.Mailboxes);
        Assert.Equal(("Semaine de l'industrie", "ne-pas-repondre@semaine-industrie.local"), (from.Name, from.Address));
        Assert.Equal("contact@semaine-industrie.example.fr", Assert.Single(message.ReplyTo.Mailboxes).Address);
        Assert.Equal(Kit.To, Assert.Single(message.To.Mailboxes).Address);
        Assert.NotNull(message.MessageId);

        // multipart/mixed: the text and its HTML alternative, then the attachment.
        var mixed = Assert.IsType<Multipart>(message.Body);
        Assert.Equal("multipart/mixed", mixed.ContentType.MimeType);
        var alternative = Assert.IsType<MultipartAlternative>(mixed[0]);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType));
        Assert.Equal(Kit.TextBody, message.TextBody!.ReplaceLineEndings("\n"));
        Assert.Contains("<a href=\"https://semaine-industrie.example.fr/evenements/1\"", message.HtmlBody, StringComparison.Ordinal);
        var pdf = Assert.IsType<MimePart>(Assert.Single(message.Attachments));
        Assert.Equal(("application/pdf", "affiche-SDI-2020-000001.pdf"), (pdf.ContentType.MimeType, pdf.FileName));
        using var content = new MemoryStream();
        pdf.Content!.DecodeTo(content);
        Assert.Equal("%PDF-1.7 une affiche", Encoding.ASCII.GetString(content.ToArray()));
    }

    [Fact]
    public async Task SendAsync_WhenCancelled_LeavesNoFileBehind()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Sender().SendAsync(Kit, cancelled.Token));

        Assert.Empty(Directory.Exists(Pickup) ? Directory.GetFiles(Pickup) : []);
    }

    [Fact]
    public async Task SendAsync_WhenTheSmtpServerIsDown_Throws()
    {
        int port;
        using (var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            listener.Start(); // a port nothing listens on once it is stopped
            port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        }

        var sender = Sender(o => (o.Delivery, o.SmtpHost, o.SmtpPort) = (MailDelivery.Smtp, "127.0.0.1", port));

        // The caller's job records the failure and retries.
        var refused = await Assert.ThrowsAsync<System.Net.Sockets.SocketException>(() => sender.SendAsync(Kit, CancellationToken.None));
        Assert.Contains("refused", refused.Message, StringComparison.OrdinalIgnoreCase);
    }

    public void Dispose() => _root.Delete(recursive: true);
}
