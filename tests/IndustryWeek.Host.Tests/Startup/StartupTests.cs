using System.Security.Cryptography.X509Certificates;
using IndustryWeek.Testing;

namespace IndustryWeek.Host.Tests.Startup;

/// <summary>The embedded default starts by itself; a bad setting stops the host with one clear line.</summary>
public sealed class StartupTests
{
    // How fast it gets ready (goal: 10 s) is measured by bench/startup.sh, not asserted here (docs/performance.md).
    [Fact]
    public async Task Start_WhenNothingConfigured_GetsReadyOnSqliteUnderData()
    {
        var contentRoot = Directory.CreateTempSubdirectory("industryweek-fresh-").FullName;
        try
        {
            await using var host = HostProcess.Start(contentRoot, []);

            await host.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));

            Assert.True(File.Exists(Path.Combine(contentRoot, "data", "industryweek.db")), "the SQLite file is data/industryweek.db");
            Assert.True(Directory.Exists(Path.Combine(contentRoot, "data", "mail")), "mails go to data/mail/");
            Assert.True(File.Exists(Path.Combine(contentRoot, "data", "industryweek.jobs.db")), "the jobs' Hangfire storage is data/industryweek.jobs.db");
        }
        finally
        {
            Directory.Delete(contentRoot, recursive: true);
        }
    }

    [Fact]
    public async Task Start_WhenAnotherProcessUsesTheSameSqliteJobStorage_SaysSoInFrenchAtStartUp()
    {
        var contentRoot = Directory.CreateTempSubdirectory("industryweek-twice-").FullName;
        try
        {
            await using var first = HostProcess.Start(contentRoot, []);
            await first.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
            await using var second = HostProcess.Start(contentRoot, []);
            await second.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));

            // The second process is told; the first one, alone when it started, was not.
            Assert.Contains("Un autre processus utilise déjà le stockage SQLite des tâches", second.Output, StringComparison.Ordinal);
            Assert.Contains("industryweek.jobs.db", second.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("Un autre processus utilise déjà", first.Output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(contentRoot, recursive: true);
        }
    }

    [Fact]
    public async Task SeedDemo_WhileTheHostRunsOnTheSameSqliteFile_RefusesAtOnceInOneFrenchLineThenWorksOnceItIsStopped()
    {
        var contentRoot = Directory.CreateTempSubdirectory("industryweek-seed-").FullName;
        var database = Path.Combine(contentRoot, "data", "industryweek.db");
        try
        {
            await using (var running = HostProcess.Start(contentRoot, []))
            {
                await running.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
                await using var seed = HostProcess.Start(contentRoot, [], arguments: ["seed-demo"]);

                Assert.Equal(1, await seed.WaitForExitAsync(TimeSpan.FromSeconds(60)));
                var line = Assert.Single(seed.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                Assert.StartsWith("seed-demo : la plateforme tourne déjà sur cette base SQLite", line, StringComparison.Ordinal);
                Assert.DoesNotContain("   at ", seed.Output + seed.Errors);
                Assert.Equal(0, await CountAsync(database, "registration_events"));
            }

            await using var alone = HostProcess.Start(contentRoot, [], arguments: ["seed-demo"]);
            Assert.Equal(0, await alone.WaitForExitAsync(TimeSpan.FromSeconds(120)));
            Assert.True(await CountAsync(database, "registration_events") > 0, "the demo events once the host is stopped");
        }
        finally
        {
            Directory.Delete(contentRoot, recursive: true);
        }
    }

    private static async Task<long> CountAsync(string sqliteFile, string table)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={sqliteFile};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Theory]
    [InlineData("Oracle", null, "Database:Provider")]
    [InlineData("PostgreSql", null, "ConnectionStrings:Default")]
    [InlineData("PostgreSql", "Host=127.0.0.1;Port=1;Database=industryweek;Username=app;Password=app;Timeout=3", "ConnectionStrings:Default")]
    [InlineData("Sqlite", "Data Source=/proc/industryweek/impossible.db", "ConnectionStrings:Default")]
    [InlineData("SqlServer", null, "ConnectionStrings:Default")]
    [InlineData("SqlServer", "Server=127.0.0.1,1;Database=industryweek;User Id=app;Password=app;Encrypt=False;Connect Timeout=3", "ConnectionStrings:Default")]
    public async Task Start_WhenDatabaseSettingIsWrong_ExitsWithOneLineNamingTheSetting(string provider, string? connectionString, string setting)
    {
        var contentRoot = Directory.CreateTempSubdirectory("industryweek-bad-").FullName;
        try
        {
            await using var host = HostProcess.Start(contentRoot, [new("Database:Provider", provider), new("ConnectionStrings:Default", connectionString)]);

            var exitCode = await host.WaitForExitAsync(TimeSpan.FromSeconds(60));

            Assert.Equal(1, exitCode);
            var line = Assert.Single(host.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            Assert.Contains(setting, line);
            Assert.DoesNotContain("   at ", host.Output + host.Errors);
        }
        finally
        {
            Directory.Delete(contentRoot, recursive: true);
        }
    }

    [Fact]
    public async Task Start_WhenKitFontIsMissing_ExitsWithOneLineNamingTheSetting()
    {
        var contentRoot = Directory.CreateTempSubdirectory("industryweek-fonts-").FullName;
        try
        {
            await using var host = HostProcess.Start(contentRoot, [new("CommunicationKit:Fonts:Regular", "/nulle-part/Marianne-Regular.ttf"), new("CommunicationKit:Fonts:Bold", "/nulle-part/Marianne-Bold.ttf")]);

            var exitCode = await host.WaitForExitAsync(TimeSpan.FromSeconds(60));

            Assert.Equal(1, exitCode);
            var line = Assert.Single(host.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            Assert.Contains("CommunicationKit:Fonts:Regular", line);
            Assert.Contains("/nulle-part/Marianne-Regular.ttf", line);
            Assert.DoesNotContain("   at ", host.Output + host.Errors);
        }
        finally
        {
            Directory.Delete(contentRoot, recursive: true);
        }
    }

    [Theory]
    [InlineData("nulle-part.pfx", "mot-de-passe", "DataProtection:CertificatePath = « nulle-part.pfx » : ce fichier n'existe pas.")]
    [InlineData("cles.pfx", "mauvais", "DataProtection:CertificatePath = « cles.pfx » ne s'ouvre pas : un certificat PKCS#12 (.pfx) est attendu, avec son mot de passe dans DataProtection:CertificatePassword.")]
    [InlineData("public.pfx", "mot-de-passe", "DataProtection:CertificatePath = « public.pfx » n'a pas de clé privée : sans elle, les clés chiffrées ne se relisent pas.")]
    public async Task Start_WhenTheKeyCertificateCannotBeOpened_ExitsWithOneFrenchLineNamingTheSetting(string path, string password, string expected)
    {
        var contentRoot = Directory.CreateTempSubdirectory("industryweek-keys-").FullName;
        try
        {
            var withKey = Pipeline.KeyRingTests.WriteCertificate(contentRoot, "cles.pfx", "mot-de-passe");
            using (var full = X509CertificateLoader.LoadPkcs12FromFile(withKey, "mot-de-passe"))
            using (var publicPart = X509CertificateLoader.LoadCertificate(full.RawData))
            {
                // The same certificate without its private key, as exported by mistake.
                File.WriteAllBytes(Path.Combine(contentRoot, "public.pfx"), publicPart.Export(X509ContentType.Pfx, "mot-de-passe"));
            }

            await using var host = HostProcess.Start(contentRoot, [new("DataProtection:CertificatePath", path), new("DataProtection:CertificatePassword", password)]);

            Assert.Equal(1, await host.WaitForExitAsync(TimeSpan.FromSeconds(60)));
            var line = Assert.Single(host.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            Assert.Equal($"Configuration invalide : {expected}", line);
            Assert.DoesNotContain("   at ", host.Output + host.Errors);
        }
        finally
        {
            Directory.Delete(contentRoot, recursive: true);
        }
    }

    [Fact]
    public async Task Start_WhenAnEmbedOriginIsNotAnOrigin_ExitsWithOneFrenchLineNamingIt()
    {
        var contentRoot = Directory.CreateTempSubdirectory("industryweek-embed-").FullName;
        try
        {
            await using var host = HostProcess.Start(contentRoot, [new("Map:EmbedAllowedOrigins:0", "https://www.hautsdefrance.fr"), new("Map:EmbedAllowedOrigins:1", "https://www.nord.fr/carte")]);

            Assert.Equal(1, await host.WaitForExitAsync(TimeSpan.FromSeconds(60)));
            var line = Assert.Single(host.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            Assert.Equal("Configuration invalide : Map:EmbedAllowedOrigins attend des origines de sites, sans chemin (par exemple https://www.hautsdefrance.fr ou https://*.nord.fr) ; refusé : « https://www.nord.fr/carte ».", line);
            Assert.DoesNotContain("   at ", host.Output + host.Errors);
        }
        finally
        {
            Directory.Delete(contentRoot, recursive: true);
        }
    }

    [Fact]
    public async Task Start_WhenTheTelemetryEndpointIsNotAnAddress_ExitsWithOneFrenchLineNamingIt()
    {
        var contentRoot = Directory.CreateTempSubdirectory("industryweek-otel-").FullName;
        try
        {
            await using var host = HostProcess.Start(contentRoot, [new("OpenTelemetry:Endpoint", "collecteur:4318")]);

            Assert.Equal(1, await host.WaitForExitAsync(TimeSpan.FromSeconds(60)));
            var line = Assert.Single(host.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            Assert.Equal("Configuration invalide : OpenTelemetry:Endpoint attend l'adresse http(s) d'un collecteur OTLP (par exemple http://collecteur:4318) ; refusé : « collecteur:4318 ».", line);
            Assert.DoesNotContain("   at ", host.Output + host.Errors);
        }
        finally
        {
            Directory.Delete(contentRoot, recursive: true);
        }
    }

    [Theory]
    [InlineData("AB:CD:EF")]
    [InlineData("ZZ00000000000000000000000000000000000000000000000000000000000000")]
    public async Task Start_WhenTheSmtpCertificateFingerprintIsMalformed_ExitsWithOneFrenchLineNamingTheSetting(string fingerprint)
    {
        var contentRoot = Directory.CreateTempSubdirectory("industryweek-pin-").FullName;
        try
        {
            await using var host = HostProcess.Start(contentRoot, [new("Mail:SmtpCertificateSha256", fingerprint)]);

            Assert.Equal(1, await host.WaitForExitAsync(TimeSpan.FromSeconds(60)));
            var line = Assert.Single(host.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            Assert.Equal($"Configuration invalide : Mail:SmtpCertificateSha256 attend l'empreinte SHA-256 du certificat du serveur SMTP, 64 chiffres hexadécimaux (deux-points permis, par exemple AB:CD:…:EF) ; refusé : « {fingerprint} ».", line);
            Assert.DoesNotContain("   at ", host.Output + host.Errors);
        }
        finally
        {
            Directory.Delete(contentRoot, recursive: true);
        }
    }
}
