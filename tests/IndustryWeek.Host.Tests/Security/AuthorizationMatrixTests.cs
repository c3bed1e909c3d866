using System.Net;
using System.Text;
using IndustryWeek.Host.Tests.CommunicationKit;
using IndustryWeek.Shared.Jobs;
using IndustryWeek.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryWeek.Host.Tests.Security;

/// <summary>
/// Issue 9: every API endpoint and every page, for each persona, answers what its authorization says, and
/// nothing of another organisation's or region's events leaks, whatever the answer. A route the table does not
/// cover fails the test: a new endpoint comes with its row.
/// </summary>
/// <remarks>
/// Expected outcome codes, one per persona in the order Anonymous, OrganiserA, OrganiserB, ModeratorX, ModeratorY,
/// Administrator, Operator: <c>200</c> exactly; <c>ok</c> allowed (2xx, 304, 400, 404, 409, 422, 429: past
/// authorization, the body may be refused); <c>any</c> anything but a 5xx (the account endpoints, whose answer to
/// an empty body is theirs); <c>401</c>, <c>403</c>, <c>404</c> exactly; <c>hide</c> 403 or 404; for pages
/// <c>login</c> a redirect to /connexion, <c>denied</c> a redirect to /acces-refuse and <c>→/path</c> a
/// redirect to /path (its query aside).
/// </remarks>
public sealed class AuthorizationMatrixTests(AuthorizationScene scene) : IClassFixture<AuthorizationScene>
{
    /// <summary>Routes with no authorization row on purpose: static files, the OpenAPI document, the health checks.</summary>
    private static readonly string[] Excluded = ["/openapi/{documentName}.json", "/health/live", "/health/ready"];

    /// <summary>{J} and {HJ} once <see cref="FindKitJobAsync"/> has found them.</summary>
    private string _kitJobId = "{J}";
    private string _kitHangfireJobId = "{HJ}";

    // Anonymous OrganiserA OrganiserB ModeratorX ModeratorY Administrator Operator
    private const string Public = "ok ok ok ok ok ok ok";
    private const string Account = "any any any any any any any";
    private const string SignedIn = "401 ok ok ok ok ok ok";
    private const string AdminOnly = "401 403 403 403 403 ok 403";
    private const string OrganiserOnly = "401 ok ok 403 403 403 403";
    private const string OwnEventApi = "401 ok 404 403 403 403 403";
    private const string KitApi = "401 ok 404 403 403 ok 403";
    private const string ModerationList = "401 403 403 ok ok ok 403";
    private const string RegionApplication = "401 403 403 ok hide ok 403";
    private const string AdminOrOperator = "401 403 403 403 403 ok ok";
    private const string OperatorApi = "401 403 403 403 403 ok ok";

    /// <summary>Acting on jobs, outboxes and recurring jobs is the operators' alone: an administrator without Operator reads only.</summary>
    private const string OperatorAction = "401 403 403 403 403 403 ok";

    private const string PublicPage = "200 200 200 200 200 200 200";
    private const string OrganiserPage = "login 200 200 denied denied denied denied";
    private const string OwnEventPage = "login 200 404 denied denied denied denied";
    private const string ModeratorPage = "login denied denied 200 200 200 denied";
    private const string RegionPage = "login denied denied 200 hide 200 denied";
    private const string AdminPage = "login denied denied denied denied 200 denied";
    private const string OperationsPage = "login denied denied denied denied 200 200";

    /// <summary>A job's lasting link: to its page on the Hangfire dashboard (<c>→</c>: a redirect there), for operators and administrators alike.</summary>
    private const string JobLink = "login denied denied denied denied →/hangfire/jobs/details/{HJ} →/hangfire/jobs/details/{HJ}";

    /// <summary>
    /// (method, route as the app declares it, path to call, expectations). In the paths: {E} the open edition,
    /// {D} a draft edition, {AL} organisation A's labelled event, {AP} its event pending moderation, {B} organisation
    /// B's. GETs come first: the writes that pass may change the scene.
    /// </summary>
    public static readonly (string Method, string Route, string Path, string Expected)[] Api =
    [
        ("GET", "/api/editions/", "/api/editions", Public),
        ("GET", "/api/editions/{id:guid}", "/api/editions/{E}", Public),
        ("GET", "/api/editions/current", "/api/editions/current", Public),
        ("GET", "/api/map/events", "/api/map/events", Public),
        ("GET", "/api/map/events/{id:guid}", "/api/map/events/{AL}", Public),
        ("GET", "/api/map/pins", "/api/map/pins", Public),
        ("GET", "/e/{label}", "/e/SDI-2000-000000", "404 404 404 404 404 404 404"), // the poster's short link: public, an unknown number not found (PublicPagesTests)
        ("GET", "/api/map/events/{id:guid}.ics", "/api/map/events/{AL}.ics", Public),
        ("GET", "/api/map/export.csv", "/api/map/export.csv", Public),
        ("GET", "/api/map/export.geojson", "/api/map/export.geojson", Public),
        ("GET", "/api/map/events.ics", "/api/map/events.ics", Public),
        ("GET", "/sitemap.xml", "/sitemap.xml", Public),
        ("GET", "/robots.txt", "/robots.txt", Public),
        ("GET", "/api/docs/{documentName?}", "/api/docs/", Public), // the API's reference (Scalar), a documentation page, and its files
        ("GET", "/api/docs/scalar.js", "/api/docs/scalar.js", Public),
        ("GET", "/api/docs/scalar.aspnetcore.js", "/api/docs/scalar.aspnetcore.js", Public),
        ("GET", "/api/docs/favicon.svg", "/api/docs/favicon.svg", Public),
        ("GET", "/api/geo/communes", "/api/geo/communes?postalCode=59300", Public),
        ("GET", "/api/identity/confirmEmail", "/api/identity/confirmEmail", Account),
        ("GET", "/api/identity/manage/info", "/api/identity/manage/info", SignedIn),
        ("GET", "/api/me/organisation/", "/api/me/organisation", OrganiserOnly),
        ("GET", "/api/events/", "/api/events", OrganiserOnly),
        ("GET", "/api/events/{id:guid}", "/api/events/{AL}", OwnEventApi),
        ("GET", "/api/events/import/template.csv", "/api/events/import/template.csv", OrganiserOnly),
        ("GET", "/api/events/{id:guid}/kit/", "/api/events/{AL}/kit", KitApi),
        ("GET", "/api/events/{id:guid}/kit/status", "/api/events/{AL}/kit/status", KitApi),
        ("GET", "/api/kits/deliveries", "/api/kits/deliveries", AdminOrOperator),
        ("GET", "/api/labelling/applications/", "/api/labelling/applications", ModerationList),
        ("GET", "/api/labelling/applications.csv", "/api/labelling/applications.csv", ModerationList),
        ("GET", "/api/labelling/applications/{id:guid}", "/api/labelling/applications/{AP}", RegionApplication),
        ("GET", "/api/labelling/statistics", "/api/labelling/statistics", ModerationList),
        ("GET", "/api/labelling/stock-reasons/", "/api/labelling/stock-reasons", ModerationList),
        ("GET", "/api/ops/actions", "/api/ops/actions", OperatorApi),
        ("GET", "/api/ops/jobs", "/api/ops/jobs", OperatorApi),
        ("GET", "/api/ops/jobs/{id:long}", "/api/ops/jobs/1", OperatorApi),
        ("GET", "/api/ops/nodes", "/api/ops/nodes", OperatorApi),
        ("GET", "/api/ops/outbox", "/api/ops/outbox", OperatorApi),
        ("GET", "/api/ops/recurring", "/api/ops/recurring", OperatorApi),
        ("GET", "/api/ops/summary", "/api/ops/summary", OperatorApi),

        ("POST", "/api/identity/login", "/api/identity/login", Account),
        ("POST", "/api/identity/register", "/api/identity/register", Account),
        ("POST", "/api/identity/refresh", "/api/identity/refresh", Account),
        ("POST", "/api/identity/forgotPassword", "/api/identity/forgotPassword", Account),
        ("POST", "/api/identity/resendConfirmationEmail", "/api/identity/resendConfirmationEmail", Account),
        ("POST", "/api/identity/resetPassword", "/api/identity/resetPassword", Account),
        ("POST", "/api/identity/manage/2fa", "/api/identity/manage/2fa", SignedIn),
        ("POST", "/api/identity/manage/info", "/api/identity/manage/info", SignedIn),
        ("POST", "/api/admin/users/{email}/roles", "/api/admin/users/personne@tests.local/roles", AdminOnly),
        ("POST", "/api/admin/users/{email}/lock", "/api/admin/users/personne@tests.local/lock", AdminOnly),
        ("POST", "/api/admin/users/{email}/unlock", "/api/admin/users/personne@tests.local/unlock", AdminOnly),
        ("POST", "/api/editions/", "/api/editions", AdminOnly),
        ("PUT", "/api/editions/{id:guid}", "/api/editions/{D}", AdminOnly),
        ("POST", "/api/editions/{id:guid}/reschedule", "/api/editions/{D}/reschedule", AdminOnly),
        ("POST", "/api/editions/{id:guid}/publish", "/api/editions/{D}/publish", AdminOnly),
        ("POST", "/api/editions/{id:guid}/close", "/api/editions/{D}/close", AdminOnly),
        ("POST", "/api/editions/{id:guid}/archive", "/api/editions/{D}/archive", AdminOnly),
        ("PUT", "/api/me/organisation/", "/api/me/organisation", OrganiserOnly),
        ("POST", "/api/me/organisation/invitations/", "/api/me/organisation/invitations", OrganiserOnly),
        ("POST", "/api/me/organisation/invitations/{token:guid}/accept", "/api/me/organisation/invitations/{R}/accept", OrganiserOnly),
        ("POST", "/api/events/", "/api/events", OrganiserOnly),
        ("POST", "/api/events/import", "/api/events/import", "401 415 415 403 403 403 403"), // a JSON body is not the multipart form of a CSV file
        ("PUT", "/api/events/{id:guid}", "/api/events/{AL}", OwnEventApi),
        ("POST", "/api/events/{id:guid}/participation", "/api/events/{AL}/participation", OwnEventApi),
        ("POST", "/api/events/{id:guid}/reconduct", "/api/events/{AL}/reconduct", OwnEventApi),
        ("POST", "/api/events/{id:guid}/kit/resend", "/api/events/{AL}/kit/resend", KitApi),
        ("POST", "/api/events/{id:guid}/submit", "/api/events/{AL}/submit", OwnEventApi),
        ("POST", "/api/labelling/applications/{id:guid}/request-changes", "/api/labelling/applications/{AP}/request-changes", RegionApplication),
        ("POST", "/api/labelling/applications/{id:guid}/refuse", "/api/labelling/applications/{AP}/refuse", RegionApplication),
        ("POST", "/api/labelling/applications/{id:guid}/revoke", "/api/labelling/applications/{AP}/revoke", RegionApplication),
        ("POST", "/api/labelling/applications/{id:guid}/grant", "/api/labelling/applications/{AP}/grant", RegionApplication),
        ("POST", "/api/labelling/applications/bulk-grant", "/api/labelling/applications/bulk-grant", ModerationList),
        ("POST", "/api/labelling/stock-reasons/", "/api/labelling/stock-reasons", AdminOnly),
        ("DELETE", "/api/labelling/stock-reasons/{id:guid}", "/api/labelling/stock-reasons/{R}", AdminOnly),
        ("POST", "/api/events/{id:guid}/withdraw", "/api/events/{AL}/withdraw", OwnEventApi),
        ("POST", "/api/events/{id:guid}/cancel", "/api/events/{AL}/cancel", OwnEventApi),
        ("POST", "/api/ops/jobs/{id:long}/retry", "/api/ops/jobs/999999/retry", OperatorAction),
        ("POST", "/api/ops/jobs/retry", "/api/ops/jobs/retry", OperatorAction),
        ("POST", "/api/ops/jobs/delete", "/api/ops/jobs/delete", OperatorAction),
        ("DELETE", "/api/ops/jobs/{id:long}", "/api/ops/jobs/999999", OperatorAction),
        ("POST", "/api/ops/outbox/{module}/{id:long}/retry", "/api/ops/outbox/labelling/999999/retry", OperatorAction),
        ("POST", "/api/ops/recurring/{name}/pause", "/api/ops/recurring/inconnue/pause", OperatorAction),
        ("POST", "/api/ops/recurring/{name}/resume", "/api/ops/recurring/inconnue/resume", OperatorAction),
        ("POST", "/api/ops/recurring/{name}/trigger", "/api/ops/recurring/inconnue/trigger", OperatorAction),
        ("POST", "/deconnexion", "/deconnexion", "400 400 400 400 400 400 400"), // without its antiforgery token (was a 500 before issue 9),
    ];

    /// <summary>
    /// The bodies sent where an empty one would stop at validation before the ownership or region is checked:
    /// with them, another organisation's organiser or another region's moderator meets the check itself.
    /// </summary>
    private static readonly Dictionary<string, string> Bodies = new(StringComparer.Ordinal)
    {
        ["/api/events/{AL}/participation"] = """{"participants": 12}""",
        ["/api/events/{AL}/cancel"] = """{"reason": "Intempéries annoncées."}""",
        ["/api/labelling/applications/{AP}/request-changes"] = """{"comment": "Précisez le programme."}""",
        ["/api/labelling/applications/{AP}/refuse"] = """{"reason": "Hors des critères."}""",
        ["/api/labelling/applications/{AP}/revoke"] = """{"reason": "Hors des critères."}""",
        ["/api/labelling/applications/bulk-grant"] = """{"ids": ["{AP}"]}""",
    };

    /// <summary>Where a persona lists its own organisation's things: there, organiser B must not see organisation A's labelled event either.</summary>
    private static readonly HashSet<string> OwnListings = new(StringComparer.Ordinal) { "/api/events", "/api/me/organisation", "/mon-espace" };

    /// <summary>
    /// Positive controls of the leak search: what each persona does see, found by the same search (organisation B's
    /// event for the moderators: the matrix's writes may have decided A's pending one, in whatever order the facts run).
    /// </summary>
    private static readonly (Persona Persona, string Path, string Text)[] Visible =
    [
        (Persona.OrganiserA, "/api/events", AuthorizationScene.TitleAPending),
        (Persona.OrganiserB, "/api/events", AuthorizationScene.TitleB),
        (Persona.ModeratorX, "/api/labelling/applications", AuthorizationScene.TitleB),
        (Persona.Administrator, "/api/labelling/applications", AuthorizationScene.TitleB),
        (Persona.OrganiserA, "/mon-espace", AuthorizationScene.TitleAPending),
        (Persona.ModeratorX, "/moderation", AuthorizationScene.TitleB),
        (Persona.Anonymous, "/api/map/events", AuthorizationScene.TitleALabelled),
    ];

    /// <summary>
    /// (route as the app declares it, path to call, expectations), each page read with GET. {J} is organisation A's
    /// kit mail job (its number in the keyed table), {HJ} its Hangfire job.
    /// </summary>
    public static readonly (string Route, string Path, string Expected)[] Pages =
    [
        ("", "/", PublicPage),
        ("carte", "/carte", PublicPage),
        ("carte/integration", "/carte/integration", PublicPage),
        ("evenements/{id:guid}", "/evenements/{AL}", PublicPage),
        ("connexion", "/connexion", PublicPage),
        ("inscription", "/inscription", PublicPage),
        ("mot-de-passe-oublie", "/mot-de-passe-oublie", PublicPage),
        ("nouveau-mot-de-passe", "/nouveau-mot-de-passe", PublicPage),
        ("confirmation-email", "/confirmation-email", PublicPage),
        ("confirmation-email/nouveau-lien", "/confirmation-email/nouveau-lien", PublicPage),
        ("acces-refuse", "/acces-refuse", "403 403 403 403 403 403 403"), // the page says so with its status too
        ("erreur/{status:int}", "/erreur/404", "404 404 404 404 404 404 404"), // the error pages, with their status
        ("accessibilite", "/accessibilite", PublicPage),
        ("mentions-legales", "/mentions-legales", PublicPage),
        ("donnees-personnelles", "/donnees-personnelles", PublicPage),
        ("cookies", "/cookies", PublicPage),
        ("mon-compte", "/mon-compte", "login 200 200 200 200 200 200"),
        ("invitation", "/invitation", OrganiserPage),
        ("organisation", "/organisation", OrganiserPage),
        ("mon-espace", "/mon-espace", OrganiserPage),
        ("mon-espace/evenements/nouveau", "/mon-espace/evenements/nouveau", OrganiserPage),
        ("mon-espace/import", "/mon-espace/import", OrganiserPage),
        ("mon-espace/evenements/{id:guid}", "/mon-espace/evenements/{AL}", OwnEventPage),
        ("mon-espace/evenements/{id:guid}/modifier", "/mon-espace/evenements/{AL}/modifier", OwnEventPage),
        ("mon-espace/evenements/{id:guid}/bilan", "/mon-espace/evenements/{AL}/bilan", OwnEventPage),
        ("mon-espace/evenements/{id:guid}/kit", "/mon-espace/evenements/{AL}/kit", OwnEventPage),
        ("moderation", "/moderation", ModeratorPage),
        ("moderation/statistiques", "/moderation/statistiques", ModeratorPage),
        ("moderation/demandes/{id:guid}", "/moderation/demandes/{AP}", RegionPage),
        ("moderation/motifs", "/moderation/motifs", AdminPage),
        ("admin/comptes", "/admin/comptes", AdminPage),
        ("admin/comptes/{id}", "/admin/comptes/{UA}", AdminPage),
        ("admin/comptes/{id}/verrouillage", "/admin/comptes/{UA}/verrouillage", AdminPage),
        ("admin/editions", "/admin/editions", AdminPage),
        ("admin/editions/nouvelle", "/admin/editions/nouvelle", AdminPage),
        ("admin/editions/{id:guid}", "/admin/editions/{E}", AdminPage),
        ("admin/editions/{id:guid}/modifier", "/admin/editions/{E}/modifier", AdminPage),
        ("admin/editions/{id:guid}/reprogrammer", "/admin/editions/{E}/reprogrammer", AdminPage),
        ("admin/editions/{id:guid}/tableau-de-bord", "/admin/editions/{E}/tableau-de-bord", AdminPage),
        ("admin/editions/{id:guid}/tableau-de-bord/{table}.csv", "/admin/editions/{E}/tableau-de-bord/regions.csv", AdminPage),
        ("admin/kits", "/admin/kits", OperationsPage),
        ("ops", "/ops", OperationsPage),
        ("ops/journal", "/ops/journal", OperationsPage),
        ("ops/outbox", "/ops/outbox", OperationsPage),
        ("ops/recurrentes", "/ops/recurrentes", OperationsPage),
        ("ops/taches/{id:long?}", "/ops/taches/{J}", JobLink),
        ("ops/taches/{id:long?}", "/ops/taches?recherche=SDI", "login denied denied denied denied →/ops →/ops"),
        ("ops/taches/{id:long?}", "/ops/taches/999999", "login denied denied denied denied 404 404"),
    ];

    /// <summary>
    /// The Hangfire dashboard: one endpoint (no HTTP method of its own) for all its pages, behind the operations
    /// pages' policy; read with GET like the pages. {HJ} is the Hangfire job of organisation A's kit mail.
    /// </summary>
    public static readonly (string Route, string Path, string Expected)[] Dashboard =
    [
        ("/hangfire/{**path}", "/hangfire", OperationsPage),
        ("/hangfire/{**path}", "/hangfire/jobs/failed", OperationsPage),
        ("/hangfire/{**path}", "/hangfire/jobs/details/{HJ}", OperationsPage),
    ];

    [Fact]
    public void Every_endpoint_and_page_of_the_app_has_a_row()
    {
        // Static files (MapStaticAssets, and « {**path:file} », its fallback for a build's files) are public by design.
        var endpoints = scene.Platform.Services.GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is null && e.RoutePattern.RawText != "{**path:file}")
            .ToList();
        var apis = endpoints
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is null && e.Metadata.GetMetadata<IHttpMethodMetadata>() is { HttpMethods.Count: > 0 })
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} {e.RoutePattern.RawText}"))
            .ToHashSet(StringComparer.Ordinal);
        var pages = endpoints.Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null).Select(e => e.RoutePattern.RawText ?? "").ToHashSet(StringComparer.Ordinal);
        var withoutMethod = endpoints.Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is null && e.Metadata.GetMetadata<PageActionDescriptor>() is null)
            .Select(e => e.RoutePattern.RawText ?? "").ToHashSet(StringComparer.Ordinal);
        // A route without a method (other than the health checks and the dashboard's) would escape the matrix.
        Assert.DoesNotContain(withoutMethod, r => !Excluded.Contains(r) && !Dashboard.Any(d => d.Route == r));

        var covered = Api.Select(r => $"{r.Method} {r.Route}").ToHashSet(StringComparer.Ordinal);
        var uncovered = apis.Where(a => !covered.Contains(a) && !Excluded.Any(x => a.EndsWith(" " + x, StringComparison.Ordinal)))
            .Concat(pages.Where(p => !Pages.Any(r => r.Route == p)).Select(p => "page " + p))
            .Order().ToList();
        Assert.True(uncovered.Count == 0, "No authorization row for: " + string.Join(", ", uncovered));
        var stale = Api.Select(r => $"{r.Method} {r.Route}").Where(r => !apis.Contains(r))
            .Concat(Pages.Where(r => !pages.Contains(r.Route)).Select(r => "page " + r.Route))
            .Concat(Dashboard.Where(r => !withoutMethod.Contains(r.Route)).Select(r => "dashboard " + r.Route)).ToList();
        Assert.True(stale.Count == 0, "Rows for routes the app no longer has: " + string.Join(", ", stale));
    }

    [Fact]
    public async Task Every_api_endpoint_answers_each_persona_as_its_authorization_says()
    {
        var failures = new List<string>();
        var table = new StringBuilder();
        foreach (var (method, _, template, expected) in Api)
        {
            var path = Resolve(template);
            var outcomes = expected.Split(' ');
            table.Append(method).Append(' ').Append(template);
            foreach (var persona in Enum.GetValues<Persona>())
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
                var sent = "";
                if (method != "GET")
                {
                    sent = Resolve(Bodies.GetValueOrDefault(template, "{}"));
                    if (template == "/api/events/{AL}" && method == "PUT")
                    {
                        sent = System.Text.Json.JsonSerializer.Serialize(scene.Kit.EventBody(AuthorizationScene.TitleALabelled));
                    }

                    request.Content = new StringContent(sent, Encoding.UTF8, "application/json");
                }

                using var response = await scene.Api(persona).SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                var status = (int)response.StatusCode;
                table.Append(' ').Append(status);
                Check(failures, $"{method} {path} as {persona}", outcomes[(int)persona], response, body, persona, path + sent, OwnListings.Contains(template));
            }

            table.AppendLine();
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures) + "\n\nObserved:\n" + table);
    }

    [Fact]
    public async Task Every_page_answers_each_persona_as_its_authorization_says()
    {
        await FindKitJobAsync();
        var failures = new List<string>();
        var table = new StringBuilder();
        foreach (var (_, template, expected) in Pages.Concat(Dashboard))
        {
            var path = Resolve(template);
            var outcomes = Resolve(expected).Split(' ');
            table.Append(template);
            foreach (var persona in Enum.GetValues<Persona>())
            {
                var page = await scene.Pages(persona).GetAsync(path);
                var body = page.Document.DocumentElement.OuterHtml;
                table.Append(' ').Append((int)page.Response.StatusCode).Append(Redirect(page.Response));
                Check(failures, $"GET {path} as {persona}", outcomes[(int)persona], page.Response, body, persona, path, OwnListings.Contains(template));
            }

            table.AppendLine();
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures) + "\n\nObserved:\n" + table);
    }

    [Fact]
    public async Task The_leak_search_finds_what_each_persona_does_see()
    {
        foreach (var (persona, path, text) in Visible)
        {
            var body = path.StartsWith("/api/", StringComparison.Ordinal)
                ? await scene.Api(persona).GetStringAsync(new Uri(path, UriKind.Relative))
                : (await scene.Pages(persona).GetAsync(path)).Document.DocumentElement.OuterHtml;
            Assert.True(body.Contains(text, StringComparison.OrdinalIgnoreCase), $"{path} as {persona} does not show « {text} »: {Excerpt(body)}");
        }
    }

    [Fact]
    public async Task Every_form_carries_an_antiforgery_token_and_a_post_without_it_is_refused()
    {
        var failures = new List<string>();
        var forms = 0;
        foreach (var (_, template, expected) in Pages)
        {
            var outcomes = expected.Split(' ');
            var personas = Enum.GetValues<Persona>().Where(p => outcomes[(int)p] == "200").Take(2); // anonymous and signed in for public pages
            foreach (var persona in personas)
            {
                var path = Resolve(template);
                var page = await scene.Pages(persona).GetAsync(path);
                var posted = page.Document.QuerySelectorAll("form").OfType<AngleSharp.Html.Dom.IHtmlFormElement>()
                    .Where(f => string.Equals(f.Method, "post", StringComparison.OrdinalIgnoreCase)).ToList();
                for (var i = 0; i < posted.Count; i++)
                {
                    forms++;
                    var form = posted[i];
                    var action = form.GetAttribute("action") ?? path;
                    if (form.QuerySelector("input[name='__RequestVerificationToken']") is not { } token || string.IsNullOrEmpty(token.GetAttribute("value")))
                    {
                        failures.Add($"{path} as {persona}: the form to {action} has no antiforgery token");
                    }

                    form.Id = $"authorization-matrix-form-{i}";
                    var refused = await scene.Pages(persona).SubmitAsync(page, "#" + form.Id, new() { ["__RequestVerificationToken"] = "" });
                    if (refused.Response.StatusCode != HttpStatusCode.BadRequest)
                    {
                        failures.Add($"{path} as {persona}: the form to {action} posted without its token answered {(int)refused.Response.StatusCode}{Redirect(refused.Response)}");
                    }
                }
            }
        }

        Assert.True(forms > 20, $"only {forms} forms found");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Security_headers_are_on_pages_json_not_found_and_unauthorized_answers()
    {
        var answers = new (string What, HttpResponseMessage Response)[]
        {
            ("public page /carte", (await scene.Pages(Persona.Anonymous).GetAsync("/carte")).Response),
            ("signed-in page /mon-espace", (await scene.Pages(Persona.OrganiserA).GetAsync("/mon-espace")).Response),
            ("API JSON /api/map/events", await scene.Api(Persona.Anonymous).GetAsync(new Uri("/api/map/events", UriKind.Relative))),
            ("API JSON /api/events", await scene.Api(Persona.OrganiserA).GetAsync(new Uri("/api/events", UriKind.Relative))),
            ("404 page", (await scene.Pages(Persona.Anonymous).GetAsync("/nexiste-pas")).Response),
            ("404 API", await scene.Api(Persona.OrganiserB).GetAsync(new Uri($"/api/events/{scene.EventALabelled}", UriKind.Relative))),
            ("401 API", await scene.Api(Persona.Anonymous).GetAsync(new Uri("/api/events", UriKind.Relative))),
            ("403 API", await scene.Api(Persona.Operator).GetAsync(new Uri("/api/events", UriKind.Relative))),
        };
        var failures = new List<string>();
        foreach (var (what, response) in answers)
        {
            var csp = response.Headers.TryGetValues("Content-Security-Policy", out var values) ? string.Join(";", values) : null;
            if (csp is null)
            {
                failures.Add($"{what} ({(int)response.StatusCode}): no Content-Security-Policy");
            }
            else
            {
                if (csp.Contains("'unsafe-inline'", StringComparison.Ordinal))
                {
                    failures.Add($"{what}: the CSP allows 'unsafe-inline': {csp}");
                }

                if (!csp.Contains("frame-ancestors 'none'", StringComparison.Ordinal))
                {
                    failures.Add($"{what}: the CSP lacks frame-ancestors 'none': {csp}");
                }
            }

            if (!response.Headers.TryGetValues("X-Content-Type-Options", out var sniff) || !sniff.Contains("nosniff"))
            {
                failures.Add($"{what} ({(int)response.StatusCode}): no X-Content-Type-Options: nosniff");
            }

            if (!response.Headers.Contains("Referrer-Policy"))
            {
                failures.Add($"{what} ({(int)response.StatusCode}): no Referrer-Policy");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static string Redirect(HttpResponseMessage response) =>
        response.Headers.Location is { } location ? "→" + location.OriginalString.Split('?')[0] : "";

    private void Check(List<string> failures, string cell, string expected, HttpResponseMessage response, string body, Persona persona, string request, bool ownListing)
    {
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.OriginalString ?? "";
        var passed = expected switch
        {
            "ok" => status is (>= 200 and < 300) or 304 or 400 or 404 or 409 or 422 or 429,
            "any" => status < 500,
            "hide" => status is 403 or 404,
            "login" => status == 302 && location.Contains("/connexion", StringComparison.Ordinal),
            "denied" => status == 302 && location.Contains("/acces-refuse", StringComparison.Ordinal),
            _ when expected.StartsWith('→') => status == 302 && PathOf(location) == expected[1..],
            _ => status == int.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
        };
        if (!passed)
        {
            failures.Add($"{cell}: expected {expected}, got {status}{Redirect(response)} {Excerpt(body)}");
        }

        var secrets = scene.Secrets(persona).Concat(ownListing && persona == Persona.OrganiserB
            ? [AuthorizationScene.TitleALabelled, AuthorizationScene.OrganisationA, scene.EventALabelled.ToString()]
            : []);
        foreach (var secret in secrets.Where(s => !request.Contains(s, StringComparison.OrdinalIgnoreCase)))
        {
            if (body.Contains(secret, StringComparison.OrdinalIgnoreCase))
            {
                failures.Add($"{cell}: LEAK « {secret} » in a {status} answer");
            }
        }
    }

    private static string PathOf(string location) =>
        Uri.TryCreate(location, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http", StringComparison.Ordinal) ? absolute.AbsolutePath : location.Split('?')[0];

    /// <summary>Organisation A's kit mail job, for the job's link and its dashboard page ({J}, {HJ}); scheduled when its label was granted.</summary>
    private async Task FindKitJobAsync()
    {
        var key = $"{scene.EventALabelled:N}-label-v1";
        JobSummary? kit = null;
        await Eventually.WaitAsync(
            async () => (kit = await BackgroundJobRuns.FindAsync(scene.Platform, KitScene.DeliverJobs, key)) is { HangfireJobId: not null },
            "organisation A's kit job is scheduled on Hangfire");
        _kitJobId = kit!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _kitHangfireJobId = kit.HangfireJobId!;
    }

    private static string Excerpt(string body) => body.Length <= 200 ? body : body[..200];

    private string Resolve(string template) => template
        .Replace("{E}", scene.EditionId.ToString(), StringComparison.Ordinal)
        .Replace("{D}", scene.DraftEditionId.ToString(), StringComparison.Ordinal)
        .Replace("{AL}", scene.EventALabelled.ToString(), StringComparison.Ordinal)
        .Replace("{AP}", scene.EventAPending.ToString(), StringComparison.Ordinal)
        .Replace("{B}", scene.EventB.ToString(), StringComparison.Ordinal)
        .Replace("{UA}", scene.OrganiserAUserId, StringComparison.Ordinal)
        .Replace("{HJ}", _kitHangfireJobId, StringComparison.Ordinal)
        .Replace("{J}", _kitJobId, StringComparison.Ordinal)
        .Replace("{R}", Guid.NewGuid().ToString(), StringComparison.Ordinal);
}
