using System.Globalization;
using System.Net;
using IndustryWeek.Shared.Security;
using IndustryWeek.Testing;

namespace IndustryWeek.Host.Tests.CommunicationKit;

/// <summary>The kit pages used without JavaScript: the organiser's (download, mails, resend) and the administrators' list of mails.</summary>
public sealed class KitPagesTests
{
    [Fact]
    public async Task KitPage_OfTheOrganiser_ShowsTheLabelTheDownloadOnceSentTheMailsAndLimitsResending()
    {
        await using var scene = await KitScene.StartAsync();
        using var a = await scene.OrganiserAsync("a@usine-a.fr", "Usine A");
        using var b = await scene.OrganiserAsync("b@usine-b.fr", "Usine B");
        var id = await scene.SubmittedEventAsync(a);
        await scene.GrantAsync(id);
        await BackgroundJobRuns.HoldAsync(scene.Platform);
        await scene.DispatchAsync();
        using var organiser = await PageSession.SignedInAsync(scene.Platform, "a@usine-a.fr", KitScene.Password);
        using var other = await PageSession.SignedInAsync(scene.Platform, "b@usine-b.fr", KitScene.Password);
        var path = $"/mon-espace/evenements/{id}/kit";

        var preparing = await organiser.GetAsync(path);
        await BackgroundJobRuns.ReleaseAsync(scene.Platform, KitScene.DeliverJobs);
        await scene.WaitForDeliveryAsync(id, "label-v1", "Sent");
        var sent = await organiser.GetAsync(path);
        var downloaded = await organiser.GetAsync(sent.Document.QuerySelector("#download")?.GetAttribute("href") ?? "/no-download-button");
        var ofOther = await other.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, preparing.Response.StatusCode);
        Assert.Equal("Kit de communication", preparing.Document.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains($"label {scene.LabelNumber()}", preparing.Document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Null(preparing.Document.QuerySelector("#download"));
        Assert.Equal("Le kit sera téléchargeable dès son premier envoi par courriel.", preparing.Document.QuerySelector("#not-ready")!.TextContent.Trim());
        Assert.Equal(["Labellisation", "a@usine-a.fr", "En préparation", "0"], Cells(Assert.Single(preparing.Document.QuerySelectorAll("#deliveries tbody tr")))[1..]);

        Assert.Equal($"/api/events/{id}/kit", sent.Document.QuerySelector("#download")!.GetAttribute("href"));
        Assert.Equal("Télécharger le kit (zip)", sent.Document.QuerySelector("#download")!.TextContent.Trim());
        Assert.Null(sent.Document.QuerySelector("#not-ready"));
        Assert.Equal(HttpStatusCode.OK, downloaded.Response.StatusCode); // with the page's session cookie
        Assert.Equal("application/zip", downloaded.Response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(6, (await KitScene.EntriesAsync(downloaded.Response)).Count);
        var row = Cells(Assert.Single(sent.Document.QuerySelectorAll("#deliveries tbody tr")));
        Assert.Equal(["Labellisation", "a@usine-a.fr"], row[1..3]);
        Assert.StartsWith("Envoyé", row[3], StringComparison.Ordinal);
        Assert.Contains("envoyé le ", row[3], StringComparison.Ordinal);
        Assert.Equal("1", row[4]);
        Assert.Matches(@"^\d{1,2}(er)? \p{L}+ \d{4}, \d{1,2} h \d{2}$", row[0]); // « 22 novembre 2026, 9 h 05 », Paris time
        Assert.Equal(HttpStatusCode.NotFound, ofOther.Response.StatusCode);
        Assert.DoesNotContain(scene.LabelNumber(), ofOther.Document.Body?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Equal("Kit de communication non disponible", ofOther.Document.QuerySelector("h1")!.TextContent.Trim());

        // An event of one's own not labelled yet: the same page, which says when the kit comes, with a way to the event.
        var submitted = await scene.SubmittedEventAsync(a);
        var notYet = await organiser.GetAsync($"/mon-espace/evenements/{submitted}/kit");
        Assert.Equal(HttpStatusCode.NotFound, notYet.Response.StatusCode);
        Assert.StartsWith("Cet événement n'a pas de kit de communication. Le kit", notYet.Document.QuerySelector("#no-kit")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.NotNull(notYet.Document.QuerySelector($"main a[href='/mon-espace/evenements/{submitted}']"));
        Assert.Null(notYet.Document.QuerySelector("#resend"));

        // Once again by mail: accepted, then refused in French until ten minutes have passed.
        var asked = await organiser.SubmitAsync(sent, "#resend");
        Assert.Equal(HttpStatusCode.Redirect, asked.Response.StatusCode);
        var afterAsking = await organiser.FollowAsync(asked);
        await scene.WaitForDeliveryAsync(id, "resend-1", "Sent");
        var reloaded = await organiser.GetAsync(path);
        var askedAgain = await organiser.SubmitAsync(reloaded, "#resend");

        Assert.Equal("Nouvel envoi demandé : le kit part dans quelques instants à a@usine-a.fr.", afterAsking.Document.QuerySelector(".fr-alert--success")!.TextContent.Trim());
        Assert.Equal("Nouvel envoi demandé", Cells(afterAsking.Document.QuerySelectorAll("#deliveries tbody tr")[0])[1]);
        Assert.StartsWith("Prochain envoi possible à partir du ", reloaded.Document.QuerySelector("#resend .fr-hint-text")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, askedAgain.Response.StatusCode);
        var error = askedAgain.Document.QuerySelector("#erreurs")!.TextContent;
        Assert.Contains("Le kit vient d'être renvoyé : vous pourrez demander un nouvel envoi à partir de ", error, StringComparison.Ordinal);
        Assert.Equal(2, askedAgain.Document.QuerySelectorAll("#deliveries tbody tr").Length);
        Assert.Equal(2, scene.KitMails().Count);
    }

    [Fact]
    public async Task DeliveriesPage_ForAdministratorsAndOperators_ListsTheFailedMailWithItsReasonAndIsRefusedToOrganisers()
    {
        await using var scene = await KitScene.StartAsync(settings: new Dictionary<string, string?>
        {
            // Nothing listens there: the kit mail fails, and its next try is an hour away.
            ["Mail:Delivery"] = "Smtp",
            ["Mail:SmtpHost"] = "127.0.0.1",
            ["Mail:SmtpPort"] = SmtpServer.FreePort().ToString(CultureInfo.InvariantCulture),
            ["Mail:SmtpTimeout"] = "00:00:05",
            ["Jobs:RetryFirstDelay"] = "01:00:00",
        });
        using var a = await scene.OrganiserAsync("a@usine-a.fr", "Usine A");
        var id = await scene.LabelledEventAsync(a);
        var failed = await scene.WaitForDeliveryAsync(id, "label-v1", "Failed");
        var reason = failed.GetProperty("error").GetString()!;
        Assert.Contains("Connection refused", reason, StringComparison.Ordinal); // the cause, not only « Failure sending mail. »
        using var administrator = await PageSession.SignedInAsync(scene.Platform);
        using var organiser = await PageSession.SignedInAsync(scene.Platform, "a@usine-a.fr", KitScene.Password);
        await scene.Platform.CreateUserAsync("exploitation@semaine-industrie.local", KitScene.Password, [PlatformRoles.Operator]);
        using var @operator = await PageSession.SignedInAsync(scene.Platform, "exploitation@semaine-industrie.local", KitScene.Password);

        var problems = await administrator.GetAsync("/admin/kits");
        var seenByOperator = await @operator.GetAsync("/admin/kits");
        var sentOnly = await administrator.GetAsync("/admin/kits?statut=Sent");
        var resendWhileRetrying = await administrator.SubmitAsync(problems, "#deliveries tbody form");
        var ofOrganiser = await organiser.GetAsync("/admin/kits");
        var organiserPage = await organiser.GetAsync($"/mon-espace/evenements/{id}/kit");

        Assert.Equal(HttpStatusCode.OK, problems.Response.StatusCode);
        Assert.Equal("1 envoi", problems.Document.QuerySelector("#count")!.TextContent.Trim());
        var row = Cells(Assert.Single(problems.Document.QuerySelectorAll("#deliveries tbody tr")));
        Assert.Equal([scene.LabelNumber(), "Labellisation", "a@usine-a.fr"], row[..3]);
        Assert.StartsWith("Échec, nouvel essai automatique", row[3], StringComparison.Ordinal);
        Assert.Contains(reason, row[3], StringComparison.Ordinal);
        Assert.Equal("1", row[4]);
        Assert.Equal("0 envoi", sentOnly.Document.QuerySelector("#count")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.OK, resendWhileRetrying.Response.StatusCode);
        Assert.Contains("Un envoi de ce kit est déjà en cours : il partira dès que possible, inutile d'en demander un autre.", resendWhileRetrying.Document.QuerySelector("#erreurs")!.TextContent, StringComparison.Ordinal);
        Assert.Single(resendWhileRetrying.Document.QuerySelectorAll("#deliveries tbody tr"));
        // The operator watches the same mails, without the administrators' resend.
        Assert.Equal(HttpStatusCode.OK, seenByOperator.Response.StatusCode);
        var operatorRow = Cells(Assert.Single(seenByOperator.Document.QuerySelectorAll("#deliveries tbody tr")));
        Assert.Equal(row[..5], operatorRow[..5]);
        Assert.Empty(seenByOperator.Document.QuerySelectorAll("#deliveries form"));
        Assert.Equal(HttpStatusCode.Redirect, ofOrganiser.Response.StatusCode);
        Assert.StartsWith("/acces-refuse", ofOrganiser.Response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        var seenByOrganiser = Cells(Assert.Single(organiserPage.Document.QuerySelectorAll("#deliveries tbody tr")));
        Assert.StartsWith("Échec, nouvel essai automatique", seenByOrganiser[3], StringComparison.Ordinal);
        Assert.Null(organiserPage.Document.QuerySelector("#download"));
    }

    private static string[] Cells(AngleSharp.Dom.IElement row) =>
        [.. row.QuerySelectorAll("td").Select(c => string.Join(" ", c.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))];
}
