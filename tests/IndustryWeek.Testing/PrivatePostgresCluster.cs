using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using Xunit;

namespace IndustryWeek.Testing;

/// <summary>
/// A PostgreSQL server of the test's own (initdb into a temporary folder, a free port, its socket in that
/// folder), so a test may crash and restart it without disturbing the shared server the other tests use.
/// Needs the server binaries (/usr/lib/postgresql/*/bin) and, as CI runs as root, the `postgres` user.
/// </summary>
public sealed class PrivatePostgresCluster : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _directory;

    private PrivatePostgresCluster(string bin, string directory, int port)
    {
        _bin = bin;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The superuser's connection string (trust authentication on 127.0.0.1), to the `postgres` database.</summary>
    public string AdminConnectionString => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = "postgres",
    }.ToString();

    private string DataDirectory => Path.Combine(_directory, "data");

    /// <summary>The newest PostgreSQL server binaries installed, or null.</summary>
    public static string? BinDirectory =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
                .OrderBy(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0)
                .LastOrDefault()
            : null;

    public static bool Available => BinDirectory is not null && OperatingSystem.IsLinux();

    /// <summary>initdb + start; throws a clear message when the binaries are missing.</summary>
    public static async Task<PrivatePostgresCluster> StartAsync()
    {
        var bin = BinDirectory ?? throw new InvalidOperationException(
            "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin: apt-get install -y postgresql (.ci/run does).");
        var directory = Path.Combine("/tmp", "iw-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        await RunAsync("chown", ["postgres:postgres", directory]);
        var cluster = new PrivatePostgresCluster(bin, directory, FreePort());
        await cluster.AsPostgresAsync("initdb", ["-D", cluster.DataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
        await cluster.StartServerAsync();
        return cluster;
    }

    /// <summary>Starts the server (again) and waits until it accepts connections.</summary>
    public async Task StartServerAsync() =>
        await AsPostgresAsync("pg_ctl", [
            "-D", DataDirectory, "-l", Path.Combine(_directory, "pg.log"), "-w", "-t", "60",
            "-o", $"-c listen_addresses=127.0.0.1 -p {Port} -k {_directory} -c max_connections=200 -c fsync=off",
            "start",
        ]);

    /// <summary>A crash as the host sees it: `pg_ctl -m immediate stop` (no checkpoint, connections cut, recovery at the next start).</summary>
    public async Task CrashAsync() =>
        await AsPostgresAsync("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "stop"]);

    /// <summary>A database of its own on this server, as the tests' <see cref="TestDatabase"/>.</summary>
    public Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.CreatePostgresAsync(AdminConnectionString);

    public string Log => File.Exists(Path.Combine(_directory, "pg.log")) ? File.ReadAllText(Path.Combine(_directory, "pg.log")) : "";

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await AsPostgresAsync("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "stop"]);
        }
        catch (InvalidOperationException)
        {
            // already stopped
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // the OS cleans /tmp
        }
    }

    private async Task AsPostgresAsync(string tool, IEnumerable<string> arguments) =>
        await RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. arguments]);

    private static async Task RunAsync(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', start.ArgumentList)} exited with {process.ExitCode}: {await errors}\n{await output}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>
/// A test that starts a PostgreSQL server of its own (<see cref="PrivatePostgresCluster"/>). Outside CI it is
/// skipped, with this reason shown, when the server binaries are not installed; in CI (CI=true) it always
/// runs, and fails with a clear message if they are missing (as <see cref="PostgresFactAttribute"/> does).
/// </summary>
public sealed class PrivatePostgresFactAttribute : FactAttribute
{
    private const string NotInstalled = "PostgreSQL server binaries not installed (/usr/lib/postgresql/*/bin): apt-get install postgresql (CI installs it).";

    public PrivatePostgresFactAttribute()
    {
        if (!PrivatePostgresCluster.Available && !TestDatabase.IsCi)
        {
            Skip = NotInstalled;
        }
    }
}
