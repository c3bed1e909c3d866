using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace IndustryWeek.Testing;

/// <summary>The real host as a separate `dotnet IndustryWeek.Host.dll` process, for crash and start-up tests.</summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _errors = new();

    private HostProcess(Process process, Uri baseAddress)
    {
        Process = process;
        BaseAddress = baseAddress;
    }

    public Process Process { get; }

    public Uri BaseAddress { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public string Errors
    {
        get
        {
            lock (_errors)
            {
                return _errors.ToString();
            }
        }
    }

    /// <summary>The host built next to the tests: src/Host/bin/&lt;configuration&gt;/net10.0/IndustryWeek.Host.dll.</summary>
    public static string HostAssembly
    {
        get
        {
            var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name; // bin/<configuration>/net10.0
            var path = Path.Combine(RepositoryRoot, "src", "Host", "bin", configuration, "net10.0", "IndustryWeek.Host.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("Build the host first (dotnet build).", path);
        }
    }

    public static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "IndustryWeek.slnx")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new DirectoryNotFoundException("IndustryWeek.slnx not found above the test binaries.");
        }
    }

    /// <param name="workingDirectory">The content root: where data/ goes when nothing else is configured.</param>
    /// <param name="assembly">
    /// The host to run: by default the build's (<see cref="HostAssembly"/>), whose front-end files stay in the
    /// project's wwwroot as with `dotnet run`; a published copy's carries its own.
    /// </param>
    /// <param name="arguments">Command-line arguments after the assembly (e.g. « seed-demo »).</param>
    public static HostProcess Start(string workingDirectory, IEnumerable<KeyValuePair<string, string?>> settings, string? assembly = null, IEnumerable<string>? arguments = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assembly ?? HostAssembly);
        foreach (var argument in arguments ?? [])
        {
            start.ArgumentList.Add(argument);
        }

        if (assembly is null)
        {
            start.Environment["ASPNETCORE_WEBROOT"] = Path.Combine(RepositoryRoot, "src", "Host", "wwwroot");
        }

        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = new Process { StartInfo = start };
        var host = new HostProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => Append(host._output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(host._errors, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>Waits until GET /health/ready answers 200.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var client = CreateClient();
        await Eventually.WaitAsync(
            async () =>
            {
                if (Process.HasExited)
                {
                    throw new InvalidOperationException($"The host exited ({Process.ExitCode}): {Errors}\n{Output}");
                }

                try
                {
                    return (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode == HttpStatusCode.OK;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            },
            "GET /health/ready answers 200",
            timeout);
    }

    /// <summary>SIGKILL to the dotnet process itself: no graceful shutdown, nothing flushed.</summary>
    public void KillHard()
    {
        Process.Kill(entireProcessTree: false);
        Process.WaitForExit();
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await Process.WaitForExitAsync(cancel.Token);
        Process.WaitForExit(); // drains the redirected output
        return Process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!Process.HasExited)
        {
            Process.Kill();
            await Process.WaitForExitAsync();
        }

        Process.Dispose();
    }

    private static void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (buffer)
        {
            buffer.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
