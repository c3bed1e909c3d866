using System.Text;
using IndustryWeek.CommunicationKit.Domain;
using IndustryWeek.Labelling.Contracts;
using IndustryWeek.Shared.Mail;
using IndustryWeek.Shared.Time;
using IndustryWeek.Shared.Web;
using Microsoft.Extensions.Options;

namespace IndustryWeek.CommunicationKit.Features.DecisionMails;

/// <summary>
/// The French mails that tell an organiser what became of their event and what they can do next. Every
/// link starts with `Site:PublicUrl`; the HTML alternative is rendered from this text (a line « Label :
/// https://… » becomes a button).
/// </summary>
internal sealed class DecisionMailTexts(SiteLinks links, IOptions<MailOptions> mailOptions)
{
    private const string Signature = "L'équipe de la Semaine de l'industrie";

    public (string Subject, string Body) Received(Guid eventId, string title, int submissionNumber, IReadOnlyList<CriterionCheck> criteria, DateTime dueAtUtc)
    {
        var lastDay = DateOnly.FromDateTime(ParisTime.FromUtc(dueAtUtc)).AddDays(-1);
        var text = Hello()
            .AppendLine(ParisTime.French, $"Votre événement « {title} » a bien été {(submissionNumber > 1 ? "soumis de nouveau" : "soumis")} au label de la Semaine de l'industrie. Les modérateurs décident au plus tard le {ParisTime.FormatDate(lastDay)}.")
            .AppendLine()
            .AppendLine("Vérification automatique des quatre critères :");
        foreach (var c in criteria)
        {
            text.AppendLine(ParisTime.French, $"- {CriterionName(c.Criterion)} : {Outcome(c.Outcome)}. {c.Detail}");
        }

        text.AppendLine()
            .AppendLine("Un critère non rempli empêche le label : corrigez l'événement s'il le faut, il sera vérifié de nouveau.")
            .AppendLine()
            .AppendLine(ParisTime.French, $"Suivre votre demande : {EventPage(eventId)}");
        return ($"Votre événement « {title} » est bien reçu : décision au plus tard le {ParisTime.FormatDate(lastDay)}", End(text));
    }

    public (string Subject, string Body) ChangesRequested(ChangesRequested n)
    {
        ArgumentNullException.ThrowIfNull(n);
        var text = Hello()
            .AppendLine(ParisTime.French, $"Avant de décider du label de votre événement « {n.Title} » ({n.Organiser.OrganisationName}), un modérateur vous demande des modifications :")
            .AppendLine()
            .AppendLine(ParisTime.French, $"« {n.Comment.Trim()} »")
            .AppendLine()
            .AppendLine("Pour les faire, modifiez l'événement, puis soumettez-le de nouveau au label depuis sa page (bouton « Soumettre au label ») : les modérateurs l'examineront à nouveau.")
            .AppendLine()
            .AppendLine(ParisTime.French, $"Modifier l'événement : {links.To($"/mon-espace/evenements/{n.EventId}/modifier")}")
            .AppendLine()
            .AppendLine(ParisTime.French, $"La page de votre événement : {EventPage(n.EventId)}");
        return ($"Des modifications sont demandées pour votre événement « {n.Title} »", End(Contact(text)));
    }

    public (string Subject, string Body) Refused(LabelRefused n)
    {
        ArgumentNullException.ThrowIfNull(n);
        var text = Hello()
            .AppendLine(ParisTime.French, $"Les modérateurs n'ont pas attribué le label de la Semaine de l'industrie {n.EditionYear} à votre événement « {n.Title} » ({n.Organiser.OrganisationName}).")
            .AppendLine()
            .AppendLine(ParisTime.French, $"Motif : « {n.Reason.Trim()} »")
            .AppendLine()
            .AppendLine("L'événement ne figurera pas sur la carte des événements labellisés. Il reste dans votre espace organisateur.")
            .AppendLine()
            .AppendLine(ParisTime.French, $"La page de votre événement : {EventPage(n.EventId)}");
        return ($"Votre événement « {n.Title} » n'est pas labellisé", End(Contact(text)));
    }

    public (string Subject, string Body) Revoked(LabelRevoked n)
    {
        ArgumentNullException.ThrowIfNull(n);
        var text = Hello()
            .AppendLine(ParisTime.French, $"Le label de la Semaine de l'industrie {n.EditionYear} de votre événement « {n.Title} »{Number(n.LabelNumber)} a été retiré.")
            .AppendLine()
            .AppendLine(ParisTime.French, $"Motif : « {n.Reason.Trim()} »")
            .AppendLine()
            .AppendLine("L'événement n'apparaît plus sur la carte, et son kit de communication n'est plus utilisable : retirez les affiches et les publications qui le présentent comme labellisé.")
            .AppendLine()
            .AppendLine(ParisTime.French, $"La page de votre événement : {EventPage(n.EventId)}");
        return ($"Le label de votre événement « {n.Title} » est retiré", End(Contact(text)));
    }

    public (string Subject, string Body) Suspended(LabelSuspended n)
    {
        ArgumentNullException.ThrowIfNull(n);
        var text = Hello()
            .AppendLine(ParisTime.French, $"Le label de votre événement « {n.Title} »{Number(n.LabelNumber)} est suspendu : la Semaine de l'industrie {n.EditionYear} a changé de dates.")
            .AppendLine()
            .AppendLine(n.Reason.Trim())
            .AppendLine()
            .AppendLine("L'événement n'apparaît plus sur la carte en attendant. Donnez-lui des dates dans la nouvelle période : le label sera rétabli aussitôt, avec un nouveau kit de communication.")
            .AppendLine()
            .AppendLine(ParisTime.French, $"Modifier l'événement : {links.To($"/mon-espace/evenements/{n.EventId}/modifier")}");
        return ($"Le label de votre événement « {n.Title} » est suspendu", End(Contact(text)));
    }

    /// <summary>The four criteria's names as organisers read them (Labelling sends their codes).</summary>
    public static string CriterionName(string criterion) => criterion switch
    {
        "PlaceAndPeriod" => "En France, pendant la période de l'édition",
        "OpenToPublic" => "Ouvert au public",
        "AboutIndustry" => "Fait découvrir l'industrie",
        "FreeOfCharge" => "Gratuit",
        _ => criterion,
    };

    private static string Outcome(string outcome) => outcome switch
    {
        "Passed" => "rempli",
        "Failed" => "non rempli",
        _ => "à confirmer par le modérateur",
    };

    private static string Number(string? labelNumber) => labelNumber is null ? "" : $" ({labelNumber})";

    private static StringBuilder Hello() => new StringBuilder().AppendLine("Bonjour,").AppendLine();

    private static string End(StringBuilder text) => text.AppendLine().AppendLine(Signature).ToString();

    private string EventPage(Guid eventId) => links.To($"/mon-espace/evenements/{eventId}");

    /// <summary>Whom to ask about a decision: the platform's reply address (`Mail:ReplyTo`) when there is one; mails come from a no-reply address otherwise.</summary>
    private StringBuilder Contact(StringBuilder text) =>
        mailOptions.Value.ReplyTo is { Length: > 0 } contact
            ? text.AppendLine().AppendLine(ParisTime.French, $"Une question sur cette décision ? Écrivez-nous à {contact} (ou répondez à ce courriel).")
            : text;
}
