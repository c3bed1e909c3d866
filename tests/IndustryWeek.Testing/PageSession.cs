using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;

namespace IndustryWeek.Testing;

/// <summary>
/// Someone using the pages without JavaScript: a cookie session, forms posted with their anti-forgery
/// token and their current values, redirects followed by hand so that tests see them.
/// </summary>
public sealed record PageResult(string Path, HttpResponseMessage Response, IDocument Document)
{
    /// <summary>The French messages shown under fields (DSFR « fr-error-text »), by the id of their field.</summary>
    public IReadOnlyDictionary<string, string> FieldErrors =>
        Document.QuerySelectorAll(".fr-error-text[id$='-error']").ToDictionary(e => e.Id![..^"-error".Length], e => e.TextContent.Trim());
}

public sealed class PageSession : IDisposable
{
    private readonly HttpClient _client;

    private PageSession(HttpClient client) => _client = client;

    public static PageSession Anonymous(PlatformFactory platform)
    {
        ArgumentNullException.ThrowIfNull(platform);
        return new PageSession(platform.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
    }

    public static async Task<PageSession> SignedInAsync(PlatformFactory platform, string email = PlatformFactory.AdminEmail, string password = PlatformFactory.AdminPassword)
    {
        var session = Anonymous(platform);
        var page = await session.GetAsync("/connexion");
        var signedIn = await session.SubmitAsync(page, "main form", new() { ["Email"] = email, ["Password"] = password });
        if (signedIn.Response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {email} failed ({(int)signedIn.Response.StatusCode}).");
        }

        return session;
    }

    public async Task<PageResult> GetAsync(string path)
    {
        var response = await _client.GetAsync(new Uri(path, UriKind.Relative));
        return new PageResult(path, response, await ParseAsync(response));
    }

    /// <summary>Posts a form with its current values, <paramref name="values"/> overriding them (as a person filling it in).</summary>
    public async Task<PageResult> SubmitAsync(PageResult page, string formSelector, Dictionary<string, string?>? values = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        var form = page.Document.QuerySelector<IHtmlFormElement>(formSelector)
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {page.Path}.");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } choice when !string.IsNullOrEmpty(choice.Name):
                    if (choice.IsChecked)
                    {
                        fields.Add(new(choice.Name, choice.Value));
                    }

                    break;
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && input.Type is not ("submit" or "button"):
                    fields.Add(new(input.Name, input.Value));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields.Add(new(area.Name, area.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    fields.Add(new(select.Name, select.Value ?? ""));
                    break;
            }
        }

        foreach (var (name, value) in values ?? [])
        {
            fields.RemoveAll(f => f.Key == name);
            fields.Add(new(name, value ?? ""));
        }

        var action = form.GetAttribute("action") is { Length: > 0 } explicitAction ? explicitAction : page.Path;
        using var content = new FormUrlEncodedContent(fields);
        var response = await _client.PostAsync(new Uri(action, UriKind.Relative), content);
        return new PageResult(action, response, await ParseAsync(response));
    }

    /// <summary>Follows a redirect answer as the browser would.</summary>
    public Task<PageResult> FollowAsync(PageResult page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var location = page.Response.Headers.Location ?? throw new InvalidOperationException($"{page.Path} did not redirect ({(int)page.Response.StatusCode}).");
        return GetAsync(location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString);
    }

    public void Dispose() => _client.Dispose();

    private static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var document = await new HtmlParser().ParseDocumentAsync(html);
        return document;
    }
}
