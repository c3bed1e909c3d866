using System.Net;
using System.Text.RegularExpressions;
using IndustryWeek.Host.Tests.Security;
using IndustryWeek.Testing;

namespace IndustryWeek.Host.Tests.FrontEnd;

/// <summary>
/// Issue 22: the pages load only the DSFR components and icons they use (src/Host/dsfr-site.mjs), and nothing they use
/// is missing. Every page of the authorization matrix, as each persona it shows to, and forms with their errors: each
/// DSFR class it uses is defined by a stylesheet it loads, and the fonts and icons those point to answer.
/// </summary>
public sealed partial class DsfrStylesheetTests(AuthorizationScene scene) : IClassFixture<AuthorizationScene>
{
    private readonly Dictionary<string, string> _stylesheets = [];

    [Fact]
    public async Task Every_page_defines_the_dsfr_classes_it_uses_with_the_stylesheets_it_loads()
    {
        var contextual = ContextualClasses();
        var failures = new List<string>();
        var checkedPages = 0;
        foreach (var (_, template, expected) in AuthorizationMatrixTests.Pages)
        {
            var outcomes = expected.Split(' ');
            foreach (var persona in Enum.GetValues<Persona>().Where(p => outcomes[(int)p] == "200"))
            {
                var page = await scene.Pages(persona).GetAsync(Resolve(template));
                Assert.True(page.Response.StatusCode == HttpStatusCode.OK, $"{page.Path} as {persona}: {(int)page.Response.StatusCode}");
                failures.AddRange(await UndefinedClassesAsync(page, persona, contextual));
                checkedPages++;
            }
        }

        // Classes only forms with errors show (fr-input-group--error, fr-select-group--error...), and an alert.
        var organiser = scene.Pages(Persona.OrganiserA);
        var eventForm = await organiser.SubmitAsync(await organiser.GetAsync("/mon-espace/evenements/nouveau"), "#event-form");
        var admin = scene.Pages(Persona.Administrator);
        var editionForm = await admin.SubmitAsync(await admin.GetAsync("/admin/editions/nouvelle"), "main form", new() { ["Name"] = "" });
        var visitor = scene.Pages(Persona.Anonymous);
        var signIn = await visitor.SubmitAsync(await visitor.GetAsync("/connexion"), "main form", new() { ["Email"] = "personne@tests.local", ["Password"] = "pas-le-bon" });
        foreach (var (page, persona) in new[] { (eventForm, Persona.OrganiserA), (editionForm, Persona.Administrator), (signIn, Persona.Anonymous) })
        {
            Assert.True(page.Document.QuerySelector(".fr-error-text, .fr-alert--error") is not null, $"{page.Path} as {persona} shows no error");
            failures.AddRange(await UndefinedClassesAsync(page, persona, contextual));
        }

        Assert.True(checkedPages > 40, $"only {checkedPages} pages read");
        Assert.True(failures.Count == 0, "DSFR classes no stylesheet of the page defines (add the component or the icon to src/Host/dsfr-site.mjs):\n" + string.Join("\n", failures.Distinct()));
    }

    [Fact]
    public async Task Public_pages_load_the_public_stylesheet_and_signed_in_pages_the_signed_in_one()
    {
        var anonymous = await scene.Pages(Persona.Anonymous).GetAsync("/carte");
        var organiser = await scene.Pages(Persona.OrganiserA).GetAsync("/mon-espace");

        Assert.Matches(@"^/lib/dsfr/dsfr\.public\.min\.[a-z0-9]+\.css$", Assert.Single(StylesheetUrls(anonymous), IsDsfr));
        Assert.Matches(@"^/lib/dsfr/dsfr\.signed-in\.min\.[a-z0-9]+\.css$", Assert.Single(StylesheetUrls(organiser), IsDsfr));
        Assert.Matches(@"^/lib/dsfr/dsfr\.site\.module\.min\.[a-z0-9]+\.js$", organiser.Document.QuerySelector("script[type=module]")?.GetAttribute("src"));

        // The public map preloads the same script and imports it once its first pins are drawn (events-map.js).
        Assert.Null(anonymous.Document.QuerySelector("script[type=module]"));
        Assert.Matches(@"^/lib/dsfr/dsfr\.site\.module\.min\.[a-z0-9]+\.js$", anonymous.Document.QuerySelector("link[rel=modulepreload]#site-script")?.GetAttribute("href"));
    }

    [Fact]
    public async Task The_fonts_and_icons_the_dsfr_stylesheets_point_to_answer()
    {
        using var client = scene.Platform.CreateClient();
        foreach (var stylesheet in new[] { "/lib/dsfr/dsfr.public.min.css", "/lib/dsfr/dsfr.signed-in.min.css" })
        {
            var urls = CssUrl().Matches(await StylesheetAsync(stylesheet)).Select(m => m.Groups["url"].Value).Where(u => !u.StartsWith("data:", StringComparison.Ordinal)).Distinct().ToList();
            Assert.Contains(urls, u => u.EndsWith(".woff2", StringComparison.Ordinal));
            Assert.Contains(urls, u => u.EndsWith("icons/system/lock-line.svg", StringComparison.Ordinal));
            foreach (var url in urls)
            {
                using var response = await client.GetAsync(new Uri(new Uri("http://localhost" + stylesheet), url));
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} from {stylesheet}: {(int)response.StatusCode}");
            }
        }
    }

    /// <summary>
    /// Each Marianne face comes as the French subset (Latin-1, œ, dashes, quotes, €) and, for any other character, the
    /// whole font: a page in French downloads the subsets only, a third smaller, and a name in Polish still gets Marianne.
    /// </summary>
    [Fact]
    public async Task Each_font_face_has_its_french_subset_and_the_whole_font_for_other_characters()
    {
        using var client = scene.Platform.CreateClient();
        var css = await StylesheetAsync("/lib/dsfr/dsfr.public.min.css");
        var faces = FontFace().Matches(css).Select(m => m.Value).Where(f => f.Contains("font-family:Marianne", StringComparison.Ordinal)).ToList();
        foreach (var weight in new[] { 300, 400, 500, 700 })
        {
            var upright = faces.Where(f => f.Contains($"font-weight:{weight};", StringComparison.Ordinal) && f.Contains("font-style:normal", StringComparison.Ordinal)).ToList();
            Assert.Equal(2, upright.Count);
            var subset = Assert.Single(upright, f => f.Contains(".latin.woff2", StringComparison.Ordinal));
            var whole = Assert.Single(upright, f => !f.Contains(".latin.woff2", StringComparison.Ordinal));
            Assert.Contains("unicode-range:U+20-7e,U+a0-ff,U+152-153", subset, StringComparison.Ordinal);
            Assert.Contains("unicode-range:U+0-1f,U+7f-9f,U+100-151", whole, StringComparison.Ordinal);

            var subsetUrl = CssUrl().Match(subset).Groups["url"].Value;
            var wholeUrl = CssUrl().Match(whole).Groups["url"].Value;
            var subsetBytes = await client.GetByteArrayAsync(new Uri(new Uri("http://localhost/lib/dsfr/"), subsetUrl));
            var wholeBytes = await client.GetByteArrayAsync(new Uri(new Uri("http://localhost/lib/dsfr/"), wholeUrl));
            Assert.Equal("wOF2"u8.ToArray(), subsetBytes[..4]);
            Assert.True(subsetBytes.Length < wholeBytes.Length * 0.6, $"{subsetUrl}: {subsetBytes.Length:N0} bytes, the whole font {wholeBytes.Length:N0}");
        }

        Assert.DoesNotContain("-ms-high-contrast", css, StringComparison.Ordinal);
    }

    /// <summary>
    /// The pages nobody renders here (an empty list, a state the scene has not) and the markup scripts write: each DSFR
    /// class written in the sources is in the signed-in pages' stylesheet (the public one is checked on the pages).
    /// </summary>
    [Fact]
    public async Task Every_dsfr_class_in_the_sources_is_defined_by_the_signed_in_stylesheet()
    {
        var defined = DefinedClasses(await StylesheetAsync("/lib/dsfr/dsfr.signed-in.min.css"), ContextualClasses());

        var undefinedClasses = Sources().SelectMany(s => SourceClass().Matches(s.Value).Select(m => (File: s.Key, Class: m.Value)))
            .Where(u => !defined.Contains(u.Class)).Select(u => $"{u.Class} in {u.File}").Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(undefinedClasses.Count == 0, "Not in the signed-in pages' stylesheet (add the component or icon to src/Host/dsfr-site.mjs):\n" + string.Join("\n", undefinedClasses));
    }

    [Fact]
    public async Task Every_icon_the_stylesheets_define_is_shown_somewhere()
    {
        var sources = Sources().Values.ToList();
        var icons = DefinedClasses(await StylesheetAsync("/lib/dsfr/dsfr.signed-in.min.css"), new HashSet<string>()).Where(c => IconClass().IsMatch(c)).ToList();

        Assert.Contains("fr-icon-lock-line", icons);
        var unused = icons.Where(icon => !sources.Any(s => s.Contains(icon, StringComparison.Ordinal))).Order(StringComparer.Ordinal).ToList();
        Assert.True(unused.Count == 0, "Icons no page shows any more (take them out of src/Host/dsfr-site.mjs): " + string.Join(", ", unused));
    }

    /// <summary>The Razor, C# and JavaScript files under src/ (front-end packages and build output aside), by path.</summary>
    private static Dictionary<string, string> Sources()
    {
        var sources = Directory.EnumerateFiles(Path.Combine(HostProcess.RepositoryRoot, "src"), "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".js", StringComparison.Ordinal))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "node_modules" or "lib"))
            .ToDictionary(f => Path.GetRelativePath(HostProcess.RepositoryRoot, f), File.ReadAllText);
        Assert.Contains(sources.Keys, f => f.EndsWith("events-map.js", StringComparison.Ordinal));
        return sources;
    }

    private async Task<IEnumerable<string>> UndefinedClassesAsync(PageResult page, Persona persona, IReadOnlySet<string> contextual)
    {
        var defined = new HashSet<string>(StringComparer.Ordinal);
        foreach (var url in StylesheetUrls(page))
        {
            defined.UnionWith(DefinedClasses(await StylesheetAsync(url), contextual));
        }

        return page.Document.QuerySelectorAll("[class]").SelectMany(e => e.ClassList)
            .Where(c => c.StartsWith("fr-", StringComparison.Ordinal) && !defined.Contains(c))
            .Distinct()
            .Select(c => $"{c} on {page.Path} as {persona}");
    }

    private static List<string> StylesheetUrls(PageResult page) =>
        page.Document.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).ToList();

    private static bool IsDsfr(string url) => url.StartsWith("/lib/dsfr/", StringComparison.Ordinal);

    private async Task<string> StylesheetAsync(string url)
    {
        if (!_stylesheets.TryGetValue(url, out var css))
        {
            using var client = scene.Platform.CreateClient();
            css = _stylesheets[url] = await client.GetStringAsync(new Uri(url, UriKind.Relative));
        }

        return css;
    }

    /// <summary>
    /// The classes a stylesheet styles: those in the first part of a selector (« .fr-btn » in « .fr-btn:hover », not
    /// « .fr-btn » in « .fr-header .fr-btn », which is the header's), and those the DSFR only ever styles inside
    /// another element (<paramref name="contextual"/>, e.g. the header's « .fr-btn--menu ») wherever they appear.
    /// </summary>
    private static HashSet<string> DefinedClasses(string css, IReadOnlySet<string> contextual)
    {
        var defined = new HashSet<string>(StringComparer.Ordinal);
        foreach (var selector in Selectors(css))
        {
            defined.UnionWith(Classes(FirstCompound(selector)));
            defined.UnionWith(Classes(selector).Where(contextual.Contains));
        }

        return defined;
    }

    /// <summary>The DSFR's classes it styles only inside another element, from its whole stylesheets (npm package).</summary>
    private static HashSet<string> ContextualClasses()
    {
        var dist = Path.Combine(HostProcess.RepositoryRoot, "src", "Host", "node_modules", "@gouvfr", "dsfr", "dist");
        var selectors = Selectors(File.ReadAllText(Path.Combine(dist, "dsfr.min.css")) + File.ReadAllText(Path.Combine(dist, "utility", "icons", "icons.min.css"))).ToList();
        var first = selectors.SelectMany(s => Classes(FirstCompound(s))).ToHashSet(StringComparer.Ordinal);
        return selectors.SelectMany(Classes).Where(c => !first.Contains(c)).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Every selector of every rule, at-rules (media queries, font faces) aside.</summary>
    private static IEnumerable<string> Selectors(string css) =>
        RulePrelude().Matches(Comment().Replace(css, ""))
            .Select(m => m.Groups["prelude"].Value.Trim())
            .Where(p => !p.StartsWith('@'))
            .SelectMany(SplitOutsideBrackets);

    private static IEnumerable<string> SplitOutsideBrackets(string selectorList)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < selectorList.Length; i++)
        {
            depth += selectorList[i] switch { '(' or '[' => 1, ')' or ']' => -1, _ => 0 };
            if (selectorList[i] == ',' && depth == 0)
            {
                yield return selectorList[start..i].Trim();
                start = i + 1;
            }
        }

        yield return selectorList[start..].Trim();
    }

    /// <summary>The selector up to its first combinator, without what brackets hold (« :not(.fr-btn--sm) » says nothing of it).</summary>
    private static string FirstCompound(string selector)
    {
        var compound = new System.Text.StringBuilder();
        var depth = 0;
        foreach (var c in selector)
        {
            if (depth == 0 && c is (' ' or '>' or '+' or '~'))
            {
                break;
            }

            depth += c switch { '(' or '[' => 1, ')' or ']' => -1, _ => 0 };
            if (depth == 0 && c is not (')' or ']'))
            {
                compound.Append(c);
            }
        }

        return compound.ToString();
    }

    private static IEnumerable<string> Classes(string selector) => ClassName().Matches(selector).Select(m => m.Groups["name"].Value);

    private string Resolve(string template) => template
        .Replace("{E}", scene.EditionId.ToString(), StringComparison.Ordinal)
        .Replace("{AL}", scene.EventALabelled.ToString(), StringComparison.Ordinal)
        .Replace("{AP}", scene.EventAPending.ToString(), StringComparison.Ordinal)
        .Replace("{UA}", scene.OrganiserAUserId, StringComparison.Ordinal);

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"(?<prelude>[^{}]+)\{")]
    private static partial Regex RulePrelude();

    [GeneratedRegex(@"\.(?<name>fr-[\w-]+)")]
    private static partial Regex ClassName();

    [GeneratedRegex("""url\(\s*["']?(?<url>[^"')]+)["']?\s*\)""")]
    private static partial Regex CssUrl();

    [GeneratedRegex(@"@font-face\{[^{}]*\}")]
    private static partial Regex FontFace();

    /// <summary>A class name in C#, Razor or JavaScript text: « fr- » then lower case (not « fr-FR », not data-fr-…).</summary>
    [GeneratedRegex(@"(?<![\w-])fr-[a-z][a-z0-9_-]*[a-z0-9]")]
    private static partial Regex SourceClass();

    [GeneratedRegex(@"^fr-icon-[a-z]")]
    private static partial Regex IconClass();
}
