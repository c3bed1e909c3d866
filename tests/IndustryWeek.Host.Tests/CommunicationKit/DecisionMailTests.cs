using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using IndustryWeek.Labelling.Contracts;
using IndustryWeek.Testing;

namespace IndustryWeek.Host.Tests.CommunicationKit;

/// <summary>
/// The organiser is told every step of their application by one mail each (received with the criteria and
/// the deadline, changes requested, refused, revoked, suspended, reinstated with the kit), in plain text
/// and HTML, with links on `Site:PublicUrl`, once even when a notification is dispatched twice.
/// </summary>
public sealed partial class DecisionMailTests
{
    private const string PublicUrl = "https://semaine-industrie.example.fr";
    private const string Organiser = "organisatrice@usine-exemple.fr";
    private const string Contact = "contact@semaine-industrie.example.fr";
    private static readonly JsonSerializerOptions OutboxJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static TheoryData<string> Providers() => TestDatabase.Providers();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Decisions_OneMailEach_EvenWhenANotificationIsDispatchedTwice(string provider)
    {
        await using var scene = await KitScene.StartAsync(provider, new Dictionary<string, string?> { ["Site:PublicUrl"] = PublicUrl, ["Mail:ReplyTo"] = Contact });
        using var organiser = await scene.OrganiserAsync(Organiser, "Usine Exemple");
        using var moderator = await scene.ModeratorAsync();

        // Submitted: the criteria's check comes back, and with it the mail saying it was received.
        var id = await scene.SubmittedEventAsync(organiser);
        await scene.DispatchAsync();
        var received = await MailAsync(scene, "est bien reçu");
        Assert.Equal($"Votre événement « {KitScene.Title} » est bien reçu : décision au plus tard le {DeadlineIn(received.Body)}", received.Subject);
        Assert.Contains("- Fait découvrir l'industrie : à confirmer par le modérateur.", received.Body);
        Assert.Contains("- Gratuit : rempli.", received.Body);

        // Changes requested, the notification dispatched twice: one mail, with the comment and the way back.
        (await moderator.PostAsJsonAsync($"/api/labelling/applications/{id}/request-changes", new { comment = "Précisez les publics accueillis." })).EnsureSuccessStatusCode();
        await scene.DispatchAsync();
        await scene.Database.ExecuteAsync("""UPDATE labelling_outbox SET "ProcessedAtUtc" = NULL WHERE "Type" LIKE '%ChangesRequested%'""");
        Assert.True(await scene.DispatchAsync() >= 1);
        var changes = await MailAsync(scene, "Des modifications sont demandées");
        Assert.Equal($"Des modifications sont demandées pour votre événement « {KitScene.Title} »", changes.Subject);
        Assert.Contains("« Précisez les publics accueillis. »", changes.Body);
        Assert.Contains($"Modifier l'événement : {PublicUrl}/mon-espace/evenements/{id}/modifier", changes.Body);
        Assert.Contains("soumettez-le de nouveau au label", changes.Body);
        Assert.Contains($"href=\"{PublicUrl}/mon-espace/evenements/{id}/modifier\"", changes.Html);
        Assert.Contains($"Une question sur cette décision ? Écrivez-nous à {Contact}", changes.Body);

        // The event's page says the same, with what to do.
        using var pages = await PageSession.SignedInAsync(scene.Platform, Organiser, KitScene.Password);
        var asked = (await pages.GetAsync($"/mon-espace/evenements/{id}")).Document;
        Assert.Equal("Des modifications sont demandées", asked.QuerySelector("#decision h2")!.TextContent.Trim());
        Assert.Contains("Le modérateur vous demande : « Précisez les publics accueillis. »", asked.QuerySelector("#decision")!.TextContent);
        Assert.Contains("puis soumettez-le de nouveau au label", asked.QuerySelector("#decision")!.TextContent);
        Assert.Equal($"mailto:{Contact}", asked.QuerySelector("#decision a")!.GetAttribute("href"));
        Assert.NotNull(asked.QuerySelector($"a[href='/mon-espace/evenements/{id}/modifier']"));
        Assert.Contains("Soumettre au label", asked.QuerySelector("main")!.TextContent);

        // Submitted again, then refused: a second « received » and the refusal with its reason.
        (await organiser.PostAsync(new Uri($"/api/events/{id}/submit", UriKind.Relative), null)).EnsureSuccessStatusCode();
        await scene.DispatchAsync();
        await scene.DispatchAsync();
        await Eventually.WaitAsync(() => Task.FromResult(Mails(scene, "est bien reçu").Count == 2), "the second « received » mail");
        (await moderator.PostAsJsonAsync($"/api/labelling/applications/{id}/refuse", new { reason = "L'événement est réservé aux salariés." })).EnsureSuccessStatusCode();
        await scene.DispatchAsync();
        var refused = await MailAsync(scene, "n'est pas labellisé");
        Assert.Equal($"Votre événement « {KitScene.Title} » n'est pas labellisé", refused.Subject);
        Assert.Contains("Motif : « L'événement est réservé aux salariés. »", refused.Body);
        var refusedPage = (await pages.GetAsync($"/mon-espace/evenements/{id}")).Document;
        Assert.Equal("Le label n'est pas attribué", refusedPage.QuerySelector("#decision h2")!.TextContent.Trim());
        Assert.Contains("Motif : « L'événement est réservé aux salariés. »", refusedPage.QuerySelector("#decision")!.TextContent);
        Assert.DoesNotContain("à confirmer par le modérateur", refusedPage.QuerySelector("main")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("non confirmé", refusedPage.QuerySelector("[data-criterion='AboutIndustry'] .fr-badge")!.TextContent.Trim());

        // Another event labelled with a comment: the kit's mail carries it. Then revoked.
        var labelled = await scene.SubmittedEventAsync(organiser, "Portes ouvertes de l'atelier");
        await scene.DispatchAsync();
        (await scene.Admin.PostAsJsonAsync($"/api/labelling/applications/{labelled}/grant", new { comment = "Pensez à l'accessibilité du parking." })).EnsureSuccessStatusCode();
        await scene.DispatchAsync();
        var kit = await MailAsync(scene, "est labellisé");
        Assert.Contains("Le mot du modérateur : « Pensez à l'accessibilité du parking. »", kit.Body);
        (await scene.Admin.PostAsJsonAsync($"/api/labelling/applications/{labelled}/revoke", new { reason = "Le public n'est plus accueilli." })).EnsureSuccessStatusCode();
        await scene.DispatchAsync();
        var revoked = await MailAsync(scene, "est retiré");
        Assert.Equal("Le label de votre événement « Portes ouvertes de l'atelier » est retiré", revoked.Subject);
        Assert.Contains("Motif : « Le public n'est plus accueilli. »", revoked.Body);

        // A third, suspended by a rescheduling and then reinstated by new dates (Labelling's notifications as it sends them), each told twice.
        var third = await scene.LabelledEventAsync(organiser, "Job dating de l'usine");
        await scene.WaitForDeliveryAsync(third, "label-v1", "Sent");
        var granted = await GrantedAsync(scene.Database, third);
        var suspended = new LabelSuspended
        {
            EventId = third,
            EditionId = granted.EditionId,
            EditionYear = granted.EditionYear,
            Title = "Job dating de l'usine",
            LabelNumber = granted.LabelNumber,
            Reason = "L'édition a changé de dates. La séance n'est plus dans la période de l'édition.",
            Organiser = granted.Organiser,
            DecidedAtUtc = granted.GrantedAtUtc.AddDays(1),
        };
        await scene.Platform.PublishAsync(suspended);
        await scene.Platform.PublishAsync(suspended);
        var suspension = await MailAsync(scene, "est suspendu");
        Assert.Equal("Le label de votre événement « Job dating de l'usine » est suspendu", suspension.Subject);
        Assert.Contains("La séance n'est plus dans la période de l'édition.", suspension.Body);
        var reinstated = granted with { LabelVersion = 2, GrantedAtUtc = granted.GrantedAtUtc.AddDays(2), Reinstated = true, Comment = null };
        await scene.Platform.PublishAsync(reinstated);
        await scene.Platform.PublishAsync(reinstated);
        var back = await MailAsync(scene, "est rétabli");
        Assert.Equal($"Le label de votre événement « Job dating de l'usine » est rétabli ({granted.LabelNumber}) : votre kit de communication", back.Subject);

        await scene.DispatchAsync();
        await BackgroundJobRuns.RunAgainAsync(scene.Platform, "communication-kit.decision-mail");
        var all = scene.Platform.Mails().Select(MailFile.Read).Where(m => m.To == Organiser).ToList();
        Assert.Equal(
            ["est bien reçu", "est bien reçu", "est bien reçu", "est bien reçu", "est labellisé", "est labellisé", "est retiré", "est rétabli", "est suspendu", "modifications sont demandées", "n'est pas labellisé"],
            all.Select(m => Kinds.First(k => m.Subject.Contains(k, StringComparison.Ordinal))).Order(StringComparer.Ordinal));
        Assert.All(all, m =>
        {
            Assert.Contains("<html lang=\"fr\">", m.Html);
            Assert.Contains($"<h1 style=\"font-size:22px;line-height:1.3;color:#000091\">{m.Subject.Replace("'", "&#39;", StringComparison.Ordinal)}</h1>", m.Html);
            Assert.All(UrlPattern().Matches(m.Body), url => Assert.StartsWith(PublicUrl + "/", url.Value));
            Assert.All(HrefPattern().Matches(m.Html), href => Assert.StartsWith(PublicUrl + "/", href.Groups[1].Value));
        });
    }

    private static readonly string[] Kinds = ["est bien reçu", "modifications sont demandées", "n'est pas labellisé", "est labellisé", "est retiré", "est suspendu", "est rétabli"];

    private static List<MailFile> Mails(KitScene scene, string subject) =>
        [.. scene.Platform.Mails().Select(MailFile.Read).Where(m => m.Subject.Contains(subject, StringComparison.Ordinal))];

    /// <summary>Waits for the one mail whose subject says <paramref name="subject"/> (the latest when there are several).</summary>
    private static async Task<MailFile> MailAsync(KitScene scene, string subject)
    {
        await Eventually.WaitAsync(() => Task.FromResult(Mails(scene, subject).Count > 0), $"a mail « {subject} »");
        var mail = Mails(scene, subject)[^1];
        Assert.Equal(Organiser, mail.To);
        return mail;
    }

    private static string DeadlineIn(string body) => DeadlinePattern().Match(body).Groups[1].Value;

    private static async Task<LabelGranted> GrantedAsync(TestDatabase database, Guid eventId)
    {
        await using var connection = database.CreateConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "Payload" FROM labelling_outbox WHERE "Type" LIKE '%LabelGranted%'""";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var granted = JsonSerializer.Deserialize<LabelGranted>(reader.GetString(0), OutboxJson)!;
            if (granted.EventId == eventId)
            {
                return granted;
            }
        }

        throw new InvalidOperationException($"No LabelGranted for {eventId}.");
    }

    [GeneratedRegex(@"décident au plus tard le (\S+ \p{L}+ \d{4})\.")]
    private static partial Regex DeadlinePattern();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex UrlPattern();

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex HrefPattern();
}
