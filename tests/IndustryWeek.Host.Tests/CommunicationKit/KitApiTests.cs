using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IndustryWeek.Shared.Security;
using IndustryWeek.Testing;

namespace IndustryWeek.Host.Tests.CommunicationKit;

/// <summary>
/// API.md « Kit de communication »: the organiser downloads their event's kit once it is sent, asks for
/// it again within limits, gets the rebuilt kit when they reword the event, and loses it with the label;
/// nobody else reaches it but administrators.
/// </summary>
public sealed class KitApiTests
{
    private const string NotYetSent = "Le kit de communication n'a pas encore été envoyé : il est en préparation.";

    public static TheoryData<string> Providers() => TestDatabase.Providers();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Download_ByTheOrganisersOrganisationOnceSent_TheSixFilesOtherwise404403Or401(string provider)
    {
        await using var scene = await KitScene.StartAsync(provider);
        using var a = await scene.OrganiserAsync("a@usine-a.fr", "Usine A");
        using var b = await scene.OrganiserAsync("b@usine-b.fr", "Usine B");
        using var moderator = await scene.ModeratorAsync();
        using var anonymous = scene.Platform.CreateClient();
        var id = await scene.SubmittedEventAsync(a);
        await scene.GrantAsync(id);
        var kitOf = new Uri($"/api/events/{id}/kit", UriKind.Relative);

        // Granted, but LabelGranted not yet dispatched: no kit at all.
        var beforeDispatch = await a.GetAsync(kitOf);

        // Dispatched, the job not run yet: the kit is being prepared.
        await BackgroundJobRuns.HoldAsync(scene.Platform);
        await scene.DispatchAsync();
        var beforeSending = await a.GetAsync(kitOf);
        var preparing = await scene.KitAsync(id, a);
        await BackgroundJobRuns.ReleaseAsync(scene.Platform, KitScene.DeliverJobs);
        await scene.WaitForDeliveryAsync(id, "label-v1", "Sent");

        var ofA = await a.GetAsync(kitOf);
        var ofB = await b.GetAsync(kitOf);
        var statusOfB = await b.GetAsync(new Uri($"/api/events/{id}/kit/status", UriKind.Relative));
        var resendOfB = await b.PostAsync(new Uri($"/api/events/{id}/kit/resend", UriKind.Relative), null);
        var ofNobody = await b.GetAsync(new Uri($"/api/events/{Guid.NewGuid()}/kit", UriKind.Relative));
        var ofModerator = await moderator.GetAsync(kitOf);
        var ofAnonymous = await anonymous.GetAsync(kitOf);
        var ofAdministrator = await scene.Admin.GetAsync(kitOf);

        Assert.Equal(HttpStatusCode.NotFound, beforeDispatch.StatusCode);
        Assert.Equal(KitScene.NoKit, await KitScene.DetailAsync(beforeDispatch));
        Assert.Equal(HttpStatusCode.NotFound, beforeSending.StatusCode);
        Assert.Equal(NotYetSent, await KitScene.DetailAsync(beforeSending));
        Assert.False(preparing.GetProperty("downloadable").GetBoolean());
        Assert.Equal("Queued", KitScene.Delivery(preparing, "label-v1")!.Value.GetProperty("status").GetString());

        Assert.Equal(HttpStatusCode.OK, ofA.StatusCode);
        Assert.Equal("application/zip", ofA.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"kit-{scene.LabelNumber()}.zip", ofA.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var files = await KitScene.EntriesAsync(ofA);
        Assert.Equal(
            ["LISEZ-MOI.txt", "affiche.pdf", "attestation-de-labellisation.pdf", "communique-de-presse.txt", "evenement.ics", "textes-reseaux-sociaux.txt"],
            files.Keys.Order(StringComparer.Ordinal));
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(files["affiche.pdf"], 0, 5), StringComparison.Ordinal);
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(files["attestation-de-labellisation.pdf"], 0, 5), StringComparison.Ordinal);
        Assert.Contains(scene.LabelNumber(), KitScene.Text(files["LISEZ-MOI.txt"]), StringComparison.Ordinal);
        Assert.Contains("Usine A participe à la Semaine de l'industrie", KitScene.Text(files["communique-de-presse.txt"]), StringComparison.Ordinal);
        Assert.Contains("#SemaineIndustrie", KitScene.Text(files["textes-reseaux-sociaux.txt"]), StringComparison.Ordinal);
        var calendar = Encoding.UTF8.GetString(files["evenement.ics"]);
        Assert.StartsWith("BEGIN:VCALENDAR", calendar, StringComparison.Ordinal);
        // What a calendar application imports: the event's session at its Paris time, with the zone described.
        var imported = Ical.Net.Calendar.Load(calendar)!;
        Assert.Equal("Europe/Paris", Assert.Single(imported.TimeZones).TzId);
        var session = Assert.Single(imported.Events);
        Assert.Equal(KitScene.Title, session.Summary);
        Assert.Equal($"{id:N}-1@semaine-industrie", session.Uid);
        Assert.Equal("Europe/Paris", session.DtStart!.TzId);
        Assert.Contains(scene.LabelNumber(), session.Description, StringComparison.Ordinal);

        // Another organisation learns nothing, not even that the event has a kit.
        foreach (var refused in new[] { ofB, statusOfB, resendOfB, ofNobody })
        {
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
            var body = await refused.Content.ReadAsStringAsync();
            Assert.Equal(KitScene.NoKit, JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString());
            Assert.DoesNotContain("Valenciennes", body, StringComparison.Ordinal);
            Assert.DoesNotContain("SDI-", body, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Forbidden, ofModerator.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, ofAnonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ofAdministrator.StatusCode);
        Assert.Equal(await ofA.Content.ReadAsByteArrayAsync(), await ofAdministrator.Content.ReadAsByteArrayAsync());
        Assert.Single(scene.KitMails()); // B's refused resend sent nothing
    }

    [Fact]
    public async Task Resend_ByOrganiserOncePerTenMinutesByAdministratorAnyTime_OneMailEach()
    {
        await using var scene = await KitScene.StartAsync();
        using var a = await scene.OrganiserAsync("a@usine-a.fr", "Usine A");
        var id = await scene.LabelledEventAsync(a);
        await scene.WaitForDeliveryAsync(id, "label-v1", "Sent");
        var resendOf = new Uri($"/api/events/{id}/kit/resend", UriKind.Relative);

        var first = await a.PostAsync(resendOf, null);
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal($"/api/events/{id}/kit/status", first.Headers.Location?.OriginalString);
        var queued = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("resend-1", "Resend", "a@usine-a.fr"), (queued.GetProperty("key").GetString(), queued.GetProperty("reason").GetString(), queued.GetProperty("requestedBy").GetString()));
        await scene.WaitForDeliveryAsync(id, "resend-1", "Sent");
        var again = await a.PostAsync(resendOf, null);
        var ofOrganiser = await scene.KitAsync(id, a);
        var byAdministrator = await scene.Admin.PostAsync(resendOf, null);
        await scene.WaitForDeliveryAsync(id, "resend-2", "Sent");

        var mails = scene.KitMails();
        Assert.Equal(3, mails.Count);
        Assert.All(mails, m => Assert.Equal("a@usine-a.fr", m.To));
        var resent = mails.Where(m => m.Subject == $"Votre kit de communication : « {KitScene.Title} » ({scene.LabelNumber()})").ToList();
        Assert.Equal(2, resent.Count); // the organiser's and the administrator's; the third is the label's
        Assert.All(resent, m => Assert.Contains("Comme demandé, voici à nouveau le kit de communication de votre événement", m.Body, StringComparison.Ordinal));
        Assert.All(resent, m => Assert.Equal([$"affiche-{scene.LabelNumber()}.pdf", $"attestation-{scene.LabelNumber()}.pdf"], m.AttachmentNames));
        Assert.Equal(HttpStatusCode.TooManyRequests, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        var tooSoon = await KitScene.DetailAsync(again);
        Assert.StartsWith("Le kit vient d'être renvoyé : vous pourrez demander un nouvel envoi à partir de", tooSoon, StringComparison.Ordinal);
        Assert.EndsWith("(cinq envois par jour au plus, espacés de dix minutes).", tooSoon, StringComparison.Ordinal);
        Assert.True(ofOrganiser.GetProperty("nextResendAtUtc").GetDateTime() > DateTime.UtcNow.AddMinutes(9));
        Assert.Equal(HttpStatusCode.Accepted, byAdministrator.StatusCode);
        Assert.Equal(PlatformFactory.AdminEmail, (await byAdministrator.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("requestedBy").GetString());

        // While a mail of the kit is on its way, asking again is useless: 409, and one mail.
        await BackgroundJobRuns.HoldAsync(scene.Platform);
        var third = await scene.Admin.PostAsync(resendOf, null);
        var whileQueued = await scene.Admin.PostAsync(resendOf, null);
        await BackgroundJobRuns.ReleaseAsync(scene.Platform, KitScene.DeliverJobs);
        await scene.WaitForDeliveryAsync(id, "resend-3", "Sent");

        Assert.Equal(HttpStatusCode.Accepted, third.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, whileQueued.StatusCode);
        Assert.Equal("Un envoi de ce kit est déjà en cours : il partira dès que possible, inutile d'en demander un autre.", await KitScene.DetailAsync(whileQueued));
        Assert.Equal(4, scene.KitMails().Count);
        Assert.Equal(["resend-3", "resend-2", "resend-1", "label-v1"], (await scene.KitAsync(id)).GetProperty("deliveries").EnumerateArray().Select(d => d.GetProperty("key").GetString()));
    }

    [Fact]
    public async Task Deliveries_ForAdministratorsAndOperatorsOnly_FilteredByStatusAndSearch()
    {
        await using var scene = await KitScene.StartAsync();
        using var a = await scene.OrganiserAsync("a@usine-a.fr", "Usine A");
        await scene.Platform.CreateUserAsync("exploitation@tests.local", KitScene.Password, [PlatformRoles.Operator]);
        using var operatorClient = await scene.Platform.SignedInClientAsync("exploitation@tests.local", KitScene.Password);
        using var anonymous = scene.Platform.CreateClient();
        var id = await scene.LabelledEventAsync(a);
        await scene.WaitForDeliveryAsync(id, "label-v1", "Sent");
        var search = $"/api/kits/deliveries?status=Sent&search={scene.LabelNumber().ToLowerInvariant()}";

        var ofAdministrator = await scene.Admin.GetAsync(new Uri(search, UriKind.Relative));
        var ofOperator = await operatorClient.GetAsync(new Uri(search, UriKind.Relative));
        var problems = await scene.Admin.GetFromJsonAsync<JsonElement>(new Uri("/api/kits/deliveries?status=Problems", UriKind.Relative));
        var ofOrganiser = await a.GetAsync(new Uri(search, UriKind.Relative));
        var ofAnonymous = await anonymous.GetAsync(new Uri(search, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, ofAdministrator.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ofOperator.StatusCode);
        foreach (var page in new[] { await ofAdministrator.Content.ReadFromJsonAsync<JsonElement>(), await ofOperator.Content.ReadFromJsonAsync<JsonElement>() })
        {
            Assert.Equal(1, page.GetProperty("total").GetInt32());
            var item = Assert.Single(page.GetProperty("items").EnumerateArray());
            Assert.Equal((id, "label-v1", "Granted", "a@usine-a.fr", 1), (item.GetProperty("eventId").GetGuid(), item.GetProperty("key").GetString(), item.GetProperty("reason").GetString(), item.GetProperty("recipientEmail").GetString(), item.GetProperty("attempts").GetInt32()));
        }

        Assert.Equal(0, problems.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, ofOrganiser.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, ofAnonymous.StatusCode);
    }

    [Fact]
    public async Task Revoke_WhenTheModeratorWithdrawsTheLabel_KitGoneWithTheReasonAndAPendingResendCancelled()
    {
        await using var scene = await KitScene.StartAsync();
        using var a = await scene.OrganiserAsync("a@usine-a.fr", "Usine A");
        using var moderator = await scene.ModeratorAsync();
        var id = await scene.LabelledEventAsync(a);
        await scene.WaitForDeliveryAsync(id, "label-v1", "Sent");

        // The organiser asked for the kit again just before: that mail must not leave any more.
        await BackgroundJobRuns.HoldAsync(scene.Platform);
        Assert.Equal(HttpStatusCode.Accepted, (await a.PostAsync(new Uri($"/api/events/{id}/kit/resend", UriKind.Relative), null)).StatusCode);
        var revoked = await moderator.PostAsJsonAsync($"/api/labelling/applications/{id}/revoke", new { reason = "Événement réservé aux salariés en réalité." });
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        await scene.DispatchAsync();
        var failures = await BackgroundJobRuns.ReleaseAsync(scene.Platform, KitScene.DeliverJobs, $"{id:N}-resend-1");

        var download = await a.GetAsync(new Uri($"/api/events/{id}/kit", UriKind.Relative));
        var kit = await scene.KitAsync(id, a);
        var resend = await a.PostAsync(new Uri($"/api/events/{id}/kit/resend", UriKind.Relative), null);
        var resendByAdministrator = await scene.Admin.PostAsync(new Uri($"/api/events/{id}/kit/resend", UriKind.Relative), null);

        Assert.Empty(failures);
        const string Reason = "le label a été retiré : Événement réservé aux salariés en réalité.";
        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
        Assert.Equal($"Ce kit n'est plus disponible : {Reason}", await KitScene.DetailAsync(download));
        Assert.Equal(("Withdrawn", Reason, false), (kit.GetProperty("state").GetString(), kit.GetProperty("withdrawnReason").GetString(), kit.GetProperty("downloadable").GetBoolean()));
        Assert.Equal("Cancelled", KitScene.Delivery(kit, "resend-1")!.Value.GetProperty("status").GetString());
        Assert.Equal("Sent", KitScene.Delivery(kit, "label-v1")!.Value.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, resend.StatusCode);
        Assert.Equal($"Ce kit ne peut plus être envoyé : {Reason}", await KitScene.DetailAsync(resend));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, resendByAdministrator.StatusCode);
        Assert.Single(scene.KitMails());
    }

    [Fact]
    public async Task EventUpdated_WhenTheOrganiserRewordsTheLabelledEvent_OneUpdatedMailAndTheNewTextsNotForNewDates()
    {
        await using var scene = await KitScene.StartAsync();
        using var a = await scene.OrganiserAsync("a@usine-a.fr", "Usine A");
        var id = await scene.LabelledEventAsync(a);
        await scene.WaitForDeliveryAsync(id, "label-v1", "Sent");
        await scene.DispatchAsync(); // Registration learns the kit was sent
        var labelled = await a.GetFromJsonAsync<JsonElement>(new Uri($"/api/events/{id}", UriKind.Relative));
        const string Reworded = "Découverte des lignes d'assemblage, des robots de soudure et des métiers de la production, avec les apprentis du site.";

        var reworded = await a.PutAsJsonAsync($"/api/events/{id}", scene.EventBody(description: Reworded, revision: labelled.GetProperty("revision").GetInt32()));
        Assert.Equal(HttpStatusCode.OK, reworded.StatusCode);
        await scene.DispatchAsync(); // EventUpdated, no review needed → the kit is rebuilt and mailed
        var update = Assert.Single((await scene.KitAsync(id)).GetProperty("deliveries").EnumerateArray(), d => d.GetProperty("reason").GetString() == "Updated");
        var key = update.GetProperty("key").GetString()!;
        await scene.WaitForDeliveryAsync(id, key, "Sent");
        var download = await a.GetAsync(new Uri($"/api/events/{id}/kit", UriKind.Relative));

        var mails = scene.KitMails();
        Assert.Equal(2, mails.Count);
        var updated = Assert.Single(mails, m => m.Subject == $"Votre kit de communication est mis à jour : « {KitScene.Title} »");
        Assert.Equal("a@usine-a.fr", updated.To);
        Assert.Contains("Vous avez modifié votre événement « Visite de l'usine de Valenciennes » (Usine A) : votre kit de communication a été refait avec ces changements.", updated.Body, StringComparison.Ordinal);
        Assert.Equal([$"affiche-{scene.LabelNumber()}.pdf", $"attestation-{scene.LabelNumber()}.pdf"], updated.AttachmentNames);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var files = await KitScene.EntriesAsync(download);
        Assert.Contains(Reworded, KitScene.Text(files["communique-de-presse.txt"]), StringComparison.Ordinal);
        Assert.Contains(Reworded, KitScene.Text(files["textes-reseaux-sociaux.txt"]), StringComparison.Ordinal);
        Assert.DoesNotContain(KitScene.Description, KitScene.Text(files["communique-de-presse.txt"]), StringComparison.Ordinal);

        // The same EventUpdated delivered again: nothing new.
        await scene.Database.ExecuteAsync("""UPDATE registration_outbox SET "ProcessedAtUtc" = NULL WHERE "Type" LIKE '%EventUpdated%'""");
        Assert.True(await scene.DispatchAsync() >= 1);
        Assert.Equal(2, (await scene.KitAsync(id)).GetProperty("deliveries").GetArrayLength());

        // New dates wait for the moderator: no kit until the label is granted again.
        var moved = await a.PutAsJsonAsync($"/api/events/{id}", scene.EventBody(description: Reworded, day: scene.SessionDay.AddDays(1), revision: (await reworded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("revision").GetInt32()));
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.True((await moved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reviewPending").GetBoolean());
        Assert.True(await scene.DispatchAsync() >= 1);
        Assert.Equal(2, (await scene.KitAsync(id)).GetProperty("deliveries").GetArrayLength());
        Assert.Equal(2, scene.KitMails().Count);
    }
}
