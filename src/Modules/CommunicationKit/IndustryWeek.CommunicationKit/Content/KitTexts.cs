using System.Text;
using IndustryWeek.Shared.Time;

namespace IndustryWeek.CommunicationKit.Content;

/// <summary>The kit's ready-to-post texts for social networks and its press-release template, in French.</summary>
internal static class KitTexts
{
    /// <summary>X (Twitter) counts at most 280 characters.</summary>
    public const int ShortPostLimit = 280;

    /// <summary>A short post for X / Bluesky / Mastodon: at most 280 characters, the title shortened if needed.</summary>
    public static string ShortPost(KitSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        string Post(string title) =>
            $"Notre événement « {title} » est labellisé {subject.Edition.Hashtag} {subject.Edition.Year} ! Rendez-vous {KitWording.When(subject.Event)}, {KitWording.Where(subject.Event.Location)}. Infos : {subject.PublicPageUrl}";
        var post = Post(subject.Event.Title.Trim());
        var overflow = post.Length - ShortPostLimit;
        return overflow <= 0 ? post : Post(KitWording.Shorten(subject.Event.Title, Math.Max(12, subject.Event.Title.Trim().Length - overflow)));
    }

    public static string LongPost(KitSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var text = new StringBuilder()
            .AppendLine(ParisTime.French, $"Nous sommes fiers d'annoncer que notre événement « {subject.Event.Title.Trim()} » a reçu le label de la {subject.Edition.Name} ({subject.LabelNumber}).")
            .AppendLine()
            .AppendLine(ThemeSentence(subject) + KitWording.Shorten(subject.Event.Description, 600))
            .AppendLine()
            .AppendLine(subject.Event.Sessions.Count > 1 ? "Nos rendez-vous :" : "Notre rendez-vous :");
        foreach (var session in KitWording.Sessions(subject.Event))
        {
            text.AppendLine(ParisTime.French, $"– {session}");
        }

        return text
            .AppendLine(ParisTime.French, $"Lieu : {KitWording.Place(subject.Event.Location)}")
            .AppendLine()
            .AppendLine(ParisTime.French, $"Programme et inscription : {subject.PublicPageUrl}")
            .AppendLine()
            .Append(ParisTime.French, $"{subject.Edition.Hashtag} #industrie #métiers #orientation")
            .ToString();
    }

    public static string SocialTexts(KitSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return new StringBuilder()
            .AppendLine(ParisTime.French, $"TEXTES PRÊTS À PUBLIER – {subject.Event.Title.Trim()}")
            .AppendLine(ParisTime.French, $"Label {subject.LabelNumber} · {subject.Edition.Name}")
            .AppendLine()
            .AppendLine("== Message court (X, Bluesky, Mastodon : 280 caractères au plus) ==")
            .AppendLine()
            .AppendLine(ShortPost(subject))
            .AppendLine()
            .AppendLine("== Message long (LinkedIn, Facebook) ==")
            .AppendLine()
            .AppendLine(LongPost(subject))
            .AppendLine()
            .AppendLine("== Instagram (avec l'affiche en image) ==")
            .AppendLine()
            .AppendLine(ParisTime.French, $"« {subject.Event.Title.Trim()} » : {KitWording.When(subject.Event)}, {KitWording.Where(subject.Event.Location)}. Événement labellisé {subject.Edition.Name}. Lien dans la bio !")
            .AppendLine(ParisTime.French, $"{subject.Edition.Hashtag} #industrie #usine #métiers #savoirfaire")
            .ToString();
    }

    public static string PressRelease(KitSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var location = subject.Event.Location;
        var town = string.IsNullOrWhiteSpace(location.City) ? "[Ville]" : location.City.Trim();
        var text = new StringBuilder()
            .AppendLine("COMMUNIQUÉ DE PRESSE")
            .AppendLine(ParisTime.French, $"{town}, le [date d'envoi]")
            .AppendLine()
            .AppendLine(ParisTime.French, $"{subject.Organiser.OrganisationName} participe à la {subject.Edition.Name} avec « {subject.Event.Title.Trim()} »")
            .AppendLine()
            .AppendLine(ParisTime.French, $"{subject.Organiser.OrganisationName} organise « {subject.Event.Title.Trim()} », {KitWording.When(subject.Event)}, {KitWording.Place(location)}. L'événement a reçu le label de la {subject.Edition.Name} (n° {subject.LabelNumber}).")
            .AppendLine()
            .AppendLine(KitWording.Shorten(subject.Event.Description, 1500))
            .AppendLine()
            .AppendLine(subject.Event.Sessions.Count > 1 ? "Dates et horaires :" : "Date et horaires :");
        foreach (var session in KitWording.Sessions(subject.Event))
        {
            text.AppendLine(ParisTime.French, $"– {session}");
        }

        text.AppendLine(subject.Event.IsFree ? "Entrée gratuite." : "Participation payante : [précisez le tarif].");
        if (subject.Event.Booking.Required)
        {
            text.AppendLine(subject.Event.Booking.Url is { Length: > 0 } url ? $"Inscription obligatoire : {url}" : "Inscription obligatoire auprès de l'organisateur.");
        }

        return text
            .AppendLine(ParisTime.French, $"Toutes les informations : {subject.PublicPageUrl}")
            .AppendLine()
            .AppendLine("« [Citation du dirigeant ou de la dirigeante : pourquoi ouvrir vos portes, ce que les visiteurs découvriront.] »")
            .AppendLine()
            .AppendLine(ParisTime.French, $"À propos de la {subject.Edition.Name}")
            .AppendLine(string.Create(ParisTime.French, $"Chaque année, la Semaine de l'industrie fait découvrir l'industrie et ses métiers au grand public, et en particulier aux jeunes et aux demandeurs d'emploi. {ThemeSentence(subject)}{subject.Edition.ThemeDescription}").TrimEnd())
            .AppendLine()
            .AppendLine(ParisTime.French, $"À propos de {subject.Organiser.OrganisationName}")
            .AppendLine("[Présentez votre organisation en quelques lignes : activité, effectifs, implantation.]")
            .AppendLine()
            .AppendLine("Contact presse")
            .AppendLine("[Nom, fonction, téléphone, adresse électronique]")
            .ToString();
    }

    /// <summary>« Thème de l'édition 2020 : « Inventer un avenir durable ». », or nothing for an edition the kit knows only by its year.</summary>
    private static string ThemeSentence(KitSubject subject) =>
        string.IsNullOrWhiteSpace(subject.Edition.Theme) ? "" : string.Create(ParisTime.French, $"Thème de l'édition {subject.Edition.Year} : « {subject.Edition.Theme} ». ");

    public static string ReadMe(KitSubject subject, IReadOnlyList<string> files)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(files);
        var text = new StringBuilder()
            .AppendLine(ParisTime.French, $"Kit de communication – « {subject.Event.Title.Trim()} »")
            .AppendLine(ParisTime.French, $"Label {subject.LabelNumber} · {subject.Edition.Name}")
            .AppendLine()
            .AppendLine("Ce dossier contient :");
        foreach (var file in files)
        {
            text.AppendLine(ParisTime.French, $"– {file} : {Describe(file)}");
        }

        return text
            .AppendLine()
            .AppendLine(ParisTime.French, $"La page publique de votre événement : {subject.PublicPageUrl}")
            .AppendLine("Le code QR de l'affiche y mène. Si vous modifiez votre événement, un nouveau kit vous est envoyé.")
            .ToString();
    }

    private static string Describe(string file) => Path.GetExtension(file) switch
    {
        ".pdf" when file.StartsWith("affiche", StringComparison.Ordinal) => "l'affiche à imprimer (A4) avec le code QR de votre page",
        ".pdf" => "l'attestation de labellisation",
        ".ics" => "les séances, à importer dans un agenda",
        _ when file.StartsWith("communique", StringComparison.Ordinal) => "un modèle de communiqué de presse à compléter",
        _ => "des textes prêts à publier sur les réseaux sociaux",
    };
}
