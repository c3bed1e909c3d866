using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using MailKit.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using MimeKit;

namespace IndustryWeek.Shared.Mail;

public enum MailDelivery
{
    /// <summary>Writes each mail as an .eml file (the embedded default: data/mail/).</summary>
    Pickup,

    /// <summary>Sends through an SMTP server.</summary>
    Smtp,
}

/// <summary>How the connection to the SMTP server is protected (MailKit's <see cref="SecureSocketOptions"/>).</summary>
public enum SmtpSecurity
{
    /// <summary>STARTTLS when the server offers it, TLS from the start on port 465; plain otherwise.</summary>
    Auto,

    /// <summary>Never encrypted (a relay on the same machine).</summary>
    None,

    /// <summary>STARTTLS required: the mail is not sent if the server does not offer it (port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (SMTPS, port 465).</summary>
    SslOnConnect,
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

    public SmtpSecurity SmtpSecurity { get; set; } = SmtpSecurity.Auto;

    /// <summary>
    /// The former setting (before <see cref="SmtpSecurity"/>): true still requires STARTTLS, so that a configuration
    /// that asked for encryption never silently sends in clear.
    /// </summary>
    public bool SmtpEnableTls { get; set; }

    /// <summary>Authenticates with these when a user name is set (after STARTTLS when there is one: use StartTls or SslOnConnect).</summary>
    public string? SmtpUserName { get; set; }

    public string? SmtpPassword { get; set; }

    /// <summary>
    /// The SHA-256 fingerprint (hex, colons allowed) of the one certificate accepted besides those the machine trusts:
    /// a relay with its own self-signed certificate. Never set by default: certificates are checked as usual.
    /// </summary>
    public string? SmtpCertificateSha256 { get; set; }

    public const string CertificateSha256Key = Section + ":" + nameof(SmtpCertificateSha256);

    /// <summary>Each exchange with the server (connection, each command) gives up after this long.</summary>
    public TimeSpan SmtpTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The pinned fingerprint's 32 bytes: null when none is set, or when it is not 64 hexadecimal digits (colons allowed).</summary>
    internal static byte[]? PinnedCertificate(string? fingerprint)
    {
        var hex = (fingerprint ?? "").Replace(":", "", StringComparison.Ordinal).Trim();
        return hex.Length == 64 && hex.All(char.IsAsciiHexDigit) ? Convert.FromHexString(hex) : null;
    }

    /// <summary>Stops the host with one French line when <see cref="SmtpCertificateSha256"/> is set but is no SHA-256 fingerprint, rather than at the first mail.</summary>
    public static void CheckSettings(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var fingerprint = configuration[CertificateSha256Key];
        if (!string.IsNullOrWhiteSpace(fingerprint) && PinnedCertificate(fingerprint) is null)
        {
            var shown = fingerprint.Length <= 100 ? fingerprint : fingerprint[..100] + "…";
            throw new StartupException(
                $"Configuration invalide : {CertificateSha256Key} attend l'empreinte SHA-256 du certificat du serveur SMTP, 64 chiffres hexadécimaux (deux-points permis, par exemple AB:CD:…:EF) ; refusé : « {shown} ».");
        }
    }

    internal SecureSocketOptions SocketOptions() => SmtpSecurity switch
    {
        SmtpSecurity.Auto when SmtpEnableTls => SecureSocketOptions.StartTls,
        SmtpSecurity.Auto => SecureSocketOptions.Auto,
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => throw new InvalidOperationException($"Mail:SmtpSecurity inconnu : {SmtpSecurity}"),
    };
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

/// <summary>
/// Every mail as MimeKit writes it: multipart/alternative (the plain text, then the HTML a mail client prefers),
/// inside multipart/mixed with the attachments. Written as an .eml file (pickup) or sent with MailKit's SMTP client.
/// </summary>
internal sealed class MailKitMailSender(IOptions<MailOptions> options, ContentRoot contentRoot) : IMailSender
{
    /// <summary>.eml files as mail clients expect them: CRLF line ends, whatever the host's system.</summary>
    private static readonly FormatOptions EmlFormat = CrlfFormat();

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var o = options.Value;
        using var message = Compose(mail, o);
        if (o.Delivery == MailDelivery.Pickup)
        {
            await WriteAsync(message, PickupDirectory(o, contentRoot), cancellationToken);
        }
        else
        {
            await SendAsync(message, o, cancellationToken);
        }
    }

    internal static MimeMessage Compose(OutgoingMail mail, MailOptions o)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(o.FromName, o.From));
        message.To.Add(MailboxAddress.Parse(mail.To));
        if (!string.IsNullOrWhiteSpace(o.ReplyTo))
        {
            message.ReplyTo.Add(MailboxAddress.Parse(o.ReplyTo));
        }

        message.Subject = mail.Subject;
        var body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody };
        foreach (var attachment in mail.Attachments)
        {
            body.Attachments.Add(attachment.FileName, attachment.Content.ToArray(), ContentType.Parse(attachment.ContentType));
        }

        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>Written under a temporary name, then renamed: a reader of the folder never sees half a mail.</summary>
    private static async Task WriteAsync(MimeMessage message, string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        message.Prepare(EncodingConstraint.SevenBit); // 7-bit clean, as an SMTP relay would have it: any reader opens it
        var name = Guid.NewGuid().ToString("D");
        var temporary = Path.Combine(directory, name + ".tmp");
        try
        {
            await using (var file = File.Create(temporary))
            {
                await message.WriteToAsync(EmlFormat, file, cancellationToken);
            }

            File.Move(temporary, Path.Combine(directory, name + ".eml"));
        }
        finally
        {
            File.Delete(temporary); // nothing when the move happened
        }
    }

    private static async Task SendAsync(MimeMessage message, MailOptions o, CancellationToken cancellationToken)
    {
        using var client = new MailKit.Net.Smtp.SmtpClient { Timeout = (int)o.SmtpTimeout.TotalMilliseconds };
        if (!string.IsNullOrWhiteSpace(o.SmtpCertificateSha256))
        {
            var pinned = MailOptions.PinnedCertificate(o.SmtpCertificateSha256)
                ?? throw new InvalidOperationException($"{MailOptions.CertificateSha256Key} n'est pas une empreinte SHA-256."); // refused at start-up already
            client.ServerCertificateValidationCallback = (_, certificate, _, errors) =>
                errors == SslPolicyErrors.None || (certificate is not null && CryptographicOperations.FixedTimeEquals(certificate.GetCertHash(HashAlgorithmName.SHA256), pinned));
        }

        // Failures (server down, refused sender, no STARTTLS, bad password, time-out) throw: the caller's job retries.
        await client.ConnectAsync(o.SmtpHost, o.SmtpPort, o.SocketOptions(), cancellationToken);
        if (!string.IsNullOrEmpty(o.SmtpUserName))
        {
            await client.AuthenticateAsync(o.SmtpUserName, o.SmtpPassword ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    private static FormatOptions CrlfFormat()
    {
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        return format;
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
                var directory = MailKitMailSender.PickupDirectory(o, contentRoot);
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
