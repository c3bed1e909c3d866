using System.Net.Mime;
using System.Text;
using IndustryWeek.CommunicationKit.Content;
using IndustryWeek.CommunicationKit.Domain;
using IndustryWeek.Shared.Mail;
using IndustryWeek.Shared.Time;

namespace IndustryWeek.CommunicationKit.Jobs;

/// <summary>The French mail that brings an organiser their kit: the poster and the certificate attached, a link to the rest.</summary>
internal static class KitMail
{
    /// <param name="comment">The moderator's comment on the grant, told as it was written.</param>
    public static OutgoingMail Compose(DeliveryReason reason, string? comment, KitSubject subject, byte[] poster, byte[] certificate, string organiserEventUrl)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var title = subject.Event.Title.Trim();
        var mailSubject = reason switch
        {
            DeliveryReason.Granted => $"Votre événement « {title} » est labellisé ({subject.LabelNumber}) : votre kit de communication",
            DeliveryReason.Updated => $"Votre kit de communication est mis à jour : « {title} »",
            DeliveryReason.Reinstated => $"Le label de votre événement « {title} » est rétabli ({subject.LabelNumber}) : votre kit de communication",
            _ => $"Votre kit de communication : « {title} » ({subject.LabelNumber})",
        };
        var text = new StringBuilder().AppendLine("Bonjour,").AppendLine();
        switch (reason)
        {
            case DeliveryReason.Granted:
                text.AppendLine(ParisTime.French, $"Votre événement « {title} » ({subject.Organiser.OrganisationName}) est labellisé {subject.Edition.Name}.");
                break;
            case DeliveryReason.Reinstated:
                text.AppendLine(ParisTime.French, $"Les nouvelles dates de votre événement « {title} » ({subject.Organiser.OrganisationName}) respectent la période de l'édition : son label {subject.Edition.Name}, suspendu, est rétabli. Il apparaît de nouveau sur la carte ; voici son kit de communication à jour.");
                break;
            case DeliveryReason.Updated:
                text.AppendLine(ParisTime.French, $"Vous avez modifié votre événement « {title} » ({subject.Organiser.OrganisationName}) : votre kit de communication a été refait avec ces changements. Remplacez les affiches déjà imprimées si elles ne sont plus à jour.");
                break;
            default:
                text.AppendLine(ParisTime.French, $"Comme demandé, voici à nouveau le kit de communication de votre événement « {title} » ({subject.Organiser.OrganisationName}).");
                break;
        }

        if (comment is not null)
        {
            text.AppendLine().AppendLine(ParisTime.French, $"Le mot du modérateur : « {comment} »").AppendLine();
        }

        text.AppendLine(ParisTime.French, $"Numéro de label : {subject.LabelNumber}")
            .AppendLine()
            .AppendLine(subject.Event.Sessions.Count > 1 ? "Séances :" : "Séance :");
        foreach (var session in KitWording.Sessions(subject.Event))
        {
            text.AppendLine(ParisTime.French, $"  - {session}");
        }

        text.AppendLine(ParisTime.French, $"Lieu : {KitWording.Place(subject.Event.Location)}")
            .AppendLine()
            .AppendLine("Vous trouverez en pièces jointes votre affiche personnalisée (avec le code QR de la page publique de votre événement) et votre attestation de labellisation.")
            .AppendLine()
            .AppendLine("Le kit complet (textes prêts à publier sur les réseaux sociaux, modèle de communiqué de presse, fichier calendrier) se télécharge depuis votre espace organisateur :")
            .AppendLine(organiserEventUrl)
            .AppendLine()
            .AppendLine(ParisTime.French, $"La page publique de votre événement : {subject.PublicPageUrl}")
            .AppendLine(ParisTime.French, $"N'oubliez pas le mot-dièse {subject.Edition.Hashtag} dans vos publications.")
            .AppendLine()
            .AppendLine("L'équipe de la Semaine de l'industrie");
        return new OutgoingMail(subject.Organiser.Email, mailSubject, text.ToString())
        {
            Attachments =
            [
                new MailAttachment($"affiche-{subject.LabelNumber}.pdf", MediaTypeNames.Application.Pdf, poster),
                new MailAttachment($"attestation-{subject.LabelNumber}.pdf", MediaTypeNames.Application.Pdf, certificate),
            ],
        };
    }
}
