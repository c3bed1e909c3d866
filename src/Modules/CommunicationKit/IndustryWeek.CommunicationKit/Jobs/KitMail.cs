using System.Text;
using IndustryWeek.Labelling.Contracts;
using IndustryWeek.Shared.Mail;
using IndustryWeek.Shared.PublishedLanguage;
using IndustryWeek.Shared.Time;

namespace IndustryWeek.CommunicationKit.Jobs;

/// <summary>The French mail that tells an organiser their event is labelled.</summary>
internal static class KitMail
{
    public static OutgoingMail Compose(LabelGranted label)
    {
        var text = new StringBuilder()
            .AppendLine("Bonjour,")
            .AppendLine()
            .AppendLine(ParisTime.French, $"Votre événement « {label.Event.Title} » ({label.Organiser.OrganisationName}) est labellisé Semaine de l'industrie {label.EditionYear}.")
            .AppendLine(ParisTime.French, $"Numéro de label : {label.LabelNumber}")
            .AppendLine()
            .AppendLine(label.Event.Sessions.Count > 1 ? "Séances :" : "Séance :");
        foreach (var session in label.Event.Sessions.OrderBy(s => s.Start))
        {
            text.AppendLine(ParisTime.French, $"  - {ParisTime.FormatSession(session.Start, session.End)}");
        }

        text.AppendLine(ParisTime.French, $"Lieu : {Place(label.Event.Location)}")
            .AppendLine()
            .AppendLine("Votre événement apparaîtra sur la carte publique des événements labellisés.")
            .AppendLine("Votre kit de communication reste disponible dans votre espace organisateur.")
            .AppendLine()
            .AppendLine("L'équipe de la Semaine de l'industrie");
        return new OutgoingMail(label.Organiser.Email, $"Votre événement « {label.Event.Title} » est labellisé ({label.LabelNumber})", text.ToString());
    }

    private static string Place(EventLocation location) => location.Mode switch
    {
        LocationMode.Online => "en ligne",
        _ => string.Join(", ", new[] { location.Street, $"{location.PostalCode} {location.City}".Trim() }.Where(p => !string.IsNullOrWhiteSpace(p)))
            + (location.Mode == LocationMode.Hybrid ? " et en ligne" : ""),
    };
}
