using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace IndustryWeek.Shared.Mail;

public enum MailDelivery
{
    /// <summary>Writes each mail as an .eml file (the embedded default: data/mail/).</summary>
    Pickup,

    /// <summary>Sends through an SMTP server.</summary>
    Smtp,
}

public sealed class MailOptions
{
    public const string Section = "Mail";

    public MailDelivery Delivery { get; set; } = MailDelivery.Pickup;

    public string PickupDirectory { get; set; } = "data/mail";

    public string From { get; set; } = "ne-pas-repondre@semaine-industrie.local";

    public string FromName { get; set; } = "Semaine de l'industrie";

    public string? ReplyTo { get; set; }

    public string SmtpHost { get; set; } = "localhost";

    public int SmtpPort { get; set; } = 25;

    public bool SmtpEnableTls { get; set; }

    public string? SmtpUserName { get; set; }

    public string? SmtpPassword { get; set; }

    public TimeSpan SmtpTimeout { get; set; } = TimeSpan.FromSeconds(30);
}

public sealed record MailAttachment(string FileName, string ContentType, ReadOnlyMemory<byte> Content);

/// <summary>A mail as its plain text; its HTML alternative is rendered from that text (<see cref="MailHtml"/>).</summary>
public sealed record OutgoingMail(string To, string Subject, string TextBody)
{
    public string HtmlBody => MailHtml.Render(Subject, TextBody);

    public IReadOnlyList<MailAttachment> Attachments { get; init; } = [];
}

public interface IMailSender
{
    /// <summary>Sends or writes the mail; throws when it could not be handed over (the caller's job retries).</summary>
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}

internal sealed class SmtpMailSender(IOptions<MailOptions> options, ContentRoot contentRoot) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var o = options.Value;
        using var message = new MailMessage
        {
            From = new MailAddress(o.From, o.FromName, Encoding.UTF8),
            Subject = mail.Subject,
            SubjectEncoding = Encoding.UTF8,
            Body = mail.TextBody,
            BodyEncoding = Encoding.UTF8,
            IsBodyHtml = false,
        };
        message.To.Add(new MailAddress(mail.To));
        if (!string.IsNullOrWhiteSpace(o.ReplyTo))
        {
            message.ReplyToList.Add(new MailAddress(o.ReplyTo));
        }

        // multipart/alternative: the plain text first (the body), then the HTML a mail client prefers.
        message.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(mail.HtmlBody, Encoding.UTF8, MediaTypeNames.Text.Html));

        foreach (var attachment in mail.Attachments)
        {
            message.Attachments.Add(new Attachment(new MemoryStream(attachment.Content.ToArray()), attachment.FileName, attachment.ContentType));
        }

        using var client = new SmtpClient();
        if (o.Delivery == MailDelivery.Pickup)
        {
            var directory = PickupDirectory(o, contentRoot);
            Directory.CreateDirectory(directory);
            client.DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory;
            client.PickupDirectoryLocation = directory;
        }
        else
        {
            client.Host = o.SmtpHost;
            client.Port = o.SmtpPort;
            client.EnableSsl = o.SmtpEnableTls;
            client.Timeout = (int)o.SmtpTimeout.TotalMilliseconds;
            if (!string.IsNullOrEmpty(o.SmtpUserName))
            {
                client.Credentials = new NetworkCredential(o.SmtpUserName, o.SmtpPassword);
            }
        }

        await client.SendMailAsync(message, cancellationToken);
    }

    internal static string PickupDirectory(MailOptions options, ContentRoot contentRoot) =>
        Path.GetFullPath(options.PickupDirectory, contentRoot.Path);
}

/// <summary>Ready when mail can be handed over: the pickup folder is writable, or the SMTP server answers.</summary>
internal sealed class MailHealthCheck(IOptions<MailOptions> options, ContentRoot contentRoot) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var o = options.Value;
        try
        {
            if (o.Delivery == MailDelivery.Pickup)
            {
                var directory = SmtpMailSender.PickupDirectory(o, contentRoot);
                Directory.CreateDirectory(directory);
                return HealthCheckResult.Healthy($"Dépôt des courriels dans {directory}");
            }

            using var tcp = new TcpClient();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            await tcp.ConnectAsync(o.SmtpHost, o.SmtpPort, timeout.Token);
            return HealthCheckResult.Healthy($"Serveur SMTP {o.SmtpHost}:{o.SmtpPort} joignable");
        }
        catch (Exception e) when (e is IOException or SocketException or UnauthorizedAccessException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"Envoi des courriels impossible : {e.Message}");
        }
    }
}
