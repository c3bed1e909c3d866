using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace IndustryWeek.Testing;

/// <summary>
/// A real SMTP server for a test: Debian's aiosmtpd on a free loopback port, storing what it receives
/// as a Maildir (apt-get install python3-aiosmtpd). With a <see cref="TlsCertificate"/> it offers STARTTLS and
/// refuses any mail before it (aiosmtpd's require_starttls).
/// </summary>
public sealed class SmtpServer : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";
    private readonly Process _process;

    private SmtpServer(Process process, int port, string maildir)
    {
        _process = process;
        Port = port;
        Maildir = maildir;
    }

    public int Port { get; }

    public string Maildir { get; }

    public IReadOnlyList<string> ReceivedFiles()
    {
        var received = Path.Combine(Maildir, "new");
        return Directory.Exists(received) ? Directory.GetFiles(received).Order().ToList() : [];
    }

    /// <summary>A free loopback port, for a server started later (an outage that ends).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A self-signed certificate for 127.0.0.1 and localhost, as PEM files in <paramref name="directory"/>.</summary>
    public static TlsCertificate CreateTlsCertificate(string directory)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var tls = new TlsCertificate(Path.Combine(directory, "smtp-cert.pem"), Path.Combine(directory, "smtp-key.pem"), Convert.ToHexString(certificate.GetCertHash(HashAlgorithmName.SHA256)));
        File.WriteAllText(tls.CertificateFile, certificate.ExportCertificatePem());
        File.WriteAllText(tls.KeyFile, key.ExportPkcs8PrivateKeyPem());
        return tls;
    }

    /// <param name="login">
    /// The only user name and password accepted, after STARTTLS (needs <paramref name="startTls"/>): no mail without them.
    /// aiosmtpd's command line has no option for it, so its SMTP class is started by <see cref="AuthenticatingServer"/>.
    /// </param>
    /// <param name="smtps">TLS from the first byte (SMTPS, port 465's way) with this certificate, instead of STARTTLS.</param>
    public static async Task<SmtpServer> StartAsync(string maildir, int? port = null, TlsCertificate? startTls = null, NetworkCredential? login = null, TlsCertificate? smtps = null)
    {
        if (!File.Exists(Python))
        {
            throw new InvalidOperationException($"{Python} is missing: apt-get install python3-aiosmtpd");
        }

        var listenPort = port ?? FreePort();
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        string[] tls = startTls is null ? [] : ["--tlscert", startTls.CertificateFile, "--tlskey", startTls.KeyFile];
        if (smtps is not null)
        {
            tls = [.. tls, "--smtpscert", smtps.CertificateFile, "--smtpskey", smtps.KeyFile];
        }

        string[] arguments = login is null
            ? ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{listenPort}", .. tls, "-c", "aiosmtpd.handlers.Mailbox", maildir]
            : ["-c", AuthenticatingServer, listenPort.ToString(System.Globalization.CultureInfo.InvariantCulture), maildir,
                (startTls ?? throw new ArgumentException("Authentication goes over STARTTLS: give a certificate.", nameof(login))).CertificateFile, startTls.KeyFile,
                login.UserName, login.Password];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        var server = new SmtpServer(process, listenPort, maildir);
        await server.WaitUntilListeningAsync();
        return server;
    }

    /// <summary>aiosmtpd's SMTP with STARTTLS required and AUTH (PLAIN, LOGIN) required for any mail, accepting one login.</summary>
    private const string AuthenticatingServer = """
        import asyncio, ssl, sys
        from aiosmtpd.handlers import Mailbox
        from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword
        port, maildir, cert, key, user, password = sys.argv[1:]
        def authenticate(server, session, envelope, mechanism, data):
            # handled=False: aiosmtpd answers « 535 » itself on a refusal (its default, True, would answer nothing)
            return AuthResult(success=isinstance(data, LoginPassword) and data.login.decode() == user and data.password.decode() == password, handled=False)
        tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        tls.load_cert_chain(cert, key)
        handler = Mailbox(maildir)
        loop = asyncio.new_event_loop()
        loop.run_until_complete(loop.create_server(
            lambda: SMTP(handler, tls_context=tls, require_starttls=True, authenticator=authenticate, auth_required=True),
            "127.0.0.1", int(port)))
        loop.run_forever()
        """;

    /// <summary>Stops the server: mail sent now fails as with a real outage.</summary>
    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }

    private async Task WaitUntilListeningAsync() =>
        await Eventually.WaitAsync(
            async () =>
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException("aiosmtpd exited: " + await _process.StandardError.ReadToEndAsync() + " (apt-get install python3-aiosmtpd)");
                }

                try
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync(IPAddress.Loopback, Port);
                    return true;
                }
                catch (SocketException)
                {
                    return false;
                }
            },
            $"aiosmtpd listens on 127.0.0.1:{Port}",
            TimeSpan.FromSeconds(20));
}

/// <param name="Sha256">The certificate's SHA-256 fingerprint, in hex: what Mail:SmtpCertificateSha256 pins.</param>
public sealed record TlsCertificate(string CertificateFile, string KeyFile, string Sha256);
