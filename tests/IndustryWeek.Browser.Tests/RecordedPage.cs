using System.Collections.Concurrent;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace IndustryWeek.Browser.Tests;

/// <summary>
/// A page in a fresh browser context (its own cookies) on the host's address, recording every request the
/// browser makes, console errors and uncaught script errors, so that a test can assert none happened.
/// </summary>
public sealed class RecordedPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly ITestOutputHelper? _output;

    private RecordedPage(IBrowserContext context, IPage page, Uri address, ITestOutputHelper? output)
    {
        _context = context;
        _output = output;
        Page = page;
        Address = address;
        context.Request += (_, request) => _requests.Enqueue(request.Url);
        context.RequestFailed += (_, request) => _errors.Enqueue($"request failed: {request.Method} {request.Url} ({request.Failure})");
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _errors.Enqueue($"console: {message.Text} ({message.Location}) on {page.Url}");
            }
        };
        page.PageError += (_, error) => _errors.Enqueue($"page error: {error}");
    }

    public IPage Page { get; }

    /// <summary>The host's address, e.g. http://127.0.0.1:40123.</summary>
    public Uri Address { get; }

    /// <summary>Every URL the browser asked for, in order.</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    /// <summary>Console errors, uncaught script errors and failed requests.</summary>
    public IReadOnlyList<string> Errors => [.. _errors];

    /// <summary>The requests that went anywhere but the host (data: and blob: URLs never leave the browser).</summary>
    public IReadOnlyList<string> RequestsElsewhere =>
        Requests.Where(url => !url.StartsWith("data:", StringComparison.Ordinal) && !url.StartsWith("blob:", StringComparison.Ordinal))
            .Where(url => new Uri(url) is var uri && (uri.Host != Address.Host || uri.Port != Address.Port))
            .ToList();

    /// <param name="output">Where the requests and errors are written when the page closes, to read when a test fails.</param>
    public static async Task<RecordedPage> OpenAsync(IBrowser browser, Uri address, ITestOutputHelper? output = null)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var context = await browser.NewContextAsync(new()
        {
            BaseURL = address.ToString(),
            Locale = "fr-FR",
            TimezoneId = "Europe/Paris",
            ColorScheme = ColorScheme.Light,
            ViewportSize = new() { Width = 1280, Height = 900 },
        });
        // Chromium names the violated directive in the console, not the element: this says which one it was.
        await context.AddInitScriptAsync("""
            document.addEventListener('securitypolicyviolation', e => {
                const target = e.target && e.target.outerHTML ? e.target.outerHTML.slice(0, 300) : String(e.target);
                console.error(`CSP violation: ${e.violatedDirective} (${e.blockedURI}) sample « ${e.sample} » on ${target}`);
            });
            """);
        var page = await context.NewPageAsync();
        return new RecordedPage(context, page, address, output);
    }

    public async ValueTask DisposeAsync()
    {
        if (_output is not null)
        {
            _output.WriteLine($"Last page: {Page.Url}");
            foreach (var error in Errors)
            {
                _output.WriteLine(error);
            }

            foreach (var request in Requests)
            {
                _output.WriteLine($"request: {request}");
            }
        }

        await _context.DisposeAsync();
    }
}
