using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryWeek.Shared.Platform;

/// <summary>
/// The Data Protection key ring (cookies, bearer tokens, reset and confirmation links) in the shared database,
/// through the library's EF Core repository on <see cref="PlatformDbContext"/>: every host reads the same keys, so a
/// user signed in on one host stays signed in on another and across restarts. With `DataProtection:CertificatePath`
/// the keys are encrypted at rest with that certificate; `DataProtection:PreviousCertificates` still decrypt the keys
/// an earlier certificate encrypted (docs/operations.md).
/// </summary>
internal static class KeyRing
{
    public const string ApplicationName = "IndustryWeek";
    public const string CertificatePathKey = "DataProtection:CertificatePath";
    public const string CertificatePasswordKey = "DataProtection:CertificatePassword";
    public const string PreviousCertificatesKey = "DataProtection:PreviousCertificates";

    public static IServiceCollection AddKeyRing(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        // Certificates are read now: a wrong path or password stops the host at start, not at the first sign-in.
        var current = Load(configuration, CertificatePathKey, CertificatePasswordKey, contentRoot);
        var previous = configuration.GetSection(PreviousCertificatesKey).GetChildren()
            .Select(c => Load(configuration, $"{c.Path}:Path", $"{c.Path}:Password", contentRoot))
            .OfType<X509Certificate2>()
            .ToArray();

        var dataProtection = services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<PlatformDbContext>();
        if (current is not null)
        {
            // The library also decrypts with the certificate it encrypts with.
            dataProtection.ProtectKeysWithCertificate(current);
        }

        if (previous.Length > 0)
        {
            dataProtection.UnprotectKeysWithAnyCertificate(previous);
        }

        return services;
    }

    private static X509Certificate2? Load(IConfiguration configuration, string pathKey, string passwordKey, string contentRoot)
    {
        var configured = configuration[pathKey];
        if (string.IsNullOrWhiteSpace(configured))
        {
            return null;
        }

        var path = Path.GetFullPath(configured, contentRoot);
        if (!File.Exists(path))
        {
            throw new StartupException($"Configuration invalide : {pathKey} = « {configured} » : ce fichier n'existe pas.");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[passwordKey]);
        }
        catch (CryptographicException e)
        {
            throw new StartupException(
                $"Configuration invalide : {pathKey} = « {configured} » ne s'ouvre pas : un certificat PKCS#12 (.pfx) est attendu, avec son mot de passe dans {passwordKey}.", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StartupException($"Configuration invalide : {pathKey} = « {configured} » ne se lit pas ({e.Message}).", e);
        }

        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new StartupException(
                $"Configuration invalide : {pathKey} = « {configured} » n'a pas de clé privée : sans elle, les clés chiffrées ne se relisent pas.");
        }

        return certificate;
    }
}
