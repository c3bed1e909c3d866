using FluentValidation;
using IndustryWeek.Registration.Domain.Events;
using IndustryWeek.Registration.Domain.Places;
using IndustryWeek.Shared.PublishedLanguage;
using IndustryWeek.Shared.Web;

namespace IndustryWeek.Registration.Features.Events;

/// <summary>
/// The rules an event's fields follow on their own. The rules that need the edition and the official
/// communes (period of the region, commune of the postal code, position in its territory) are
/// checked by <see cref="EventDetailsFactory"/>.
/// </summary>
internal sealed class EventFieldsValidator : AbstractValidator<EventFields>
{
    public const int MaxSessions = 30;

    public EventFieldsValidator()
    {
        RuleFor(f => f.Title).NotEmpty().WithMessage("Le titre est obligatoire.")
            .Length(5, 150).WithMessage("Le titre compte de 5 à 150 caractères.")
            .Must(SingleLine).WithMessage("Le titre tient sur une ligne, sans caractère de contrôle.");
        RuleFor(f => f.Description).NotEmpty().WithMessage("La description est obligatoire.")
            .Length(20, 4000).WithMessage("La description compte de 20 à 4 000 caractères.");
        RuleFor(f => f.Format).NotEmpty().WithMessage("Le format est obligatoire.");
        RuleFor(f => f.Format).Must(v => EventVocabulary.TryParse<EventFormat>(v, out _)).When(f => !string.IsNullOrEmpty(f.Format))
            .WithMessage(f => $"« {Shorten(f.Format)} » n'est pas un format ; formats possibles : {string.Join(", ", Enum.GetNames<EventFormat>())}.");

        RuleFor(f => f.Audiences).NotEmpty().WithMessage("Choisissez au moins un public.");
        RuleFor(f => f.Audiences).Must(v => v!.Count <= Enum.GetValues<Audience>().Length && v.Distinct().Count() == v.Count).When(f => f.Audiences is { Count: > 0 })
            .WithMessage("Chaque public ne se choisit qu'une fois.");
        RuleForEach(f => f.Audiences).Must(v => EventVocabulary.TryParse<Audience>(v, out _))
            .WithMessage((_, v) => $"« {Shorten(v)} » n'est pas un public ; publics possibles : {string.Join(", ", Enum.GetNames<Audience>())}.");

        RuleFor(f => f.Sectors).NotEmpty().WithMessage("Choisissez au moins un secteur industriel.");
        RuleFor(f => f.Sectors).Must(v => v!.Count <= Enum.GetValues<IndustrySector>().Length && v.Distinct().Count() == v.Count).When(f => f.Sectors is { Count: > 0 })
            .WithMessage("Chaque secteur ne se choisit qu'une fois.");
        RuleForEach(f => f.Sectors).Must(v => EventVocabulary.TryParse<IndustrySector>(v, out _))
            .WithMessage((_, v) => $"« {Shorten(v)} » n'est pas un secteur ; secteurs possibles : {string.Join(", ", Enum.GetNames<IndustrySector>())}.");

        RuleFor(f => f.Topics).Must(v => v!.Count <= 20 && v.Distinct().Count() == v.Count).When(f => f.Topics is not null)
            .WithMessage("Chaque thème ne se choisit qu'une fois.");
        RuleForEach(f => f.Topics).NotEmpty().WithMessage("Un thème ne peut pas être vide.")
            .MaximumLength(100).WithMessage("Un thème ne dépasse pas 100 caractères.");

        RuleFor(f => f.Sessions).NotEmpty().WithMessage("Ajoutez au moins une séance (date et heures).");
        RuleFor(f => f.Sessions).Must(v => v!.Count <= MaxSessions).When(f => f.Sessions is not null)
            .WithMessage($"Un événement compte au plus {MaxSessions} séances.");
        RuleForEach(f => f.Sessions).NotNull().WithMessage("Indiquez le début et la fin de chaque séance.")
            .SetValidator(new SessionFieldsValidator());

        RuleFor(f => f.Location).NotNull().WithMessage("Indiquez où a lieu l'événement.");
        RuleFor(f => f.Location!).SetValidator(new LocationFieldsValidator()).When(f => f.Location is not null);

        RuleFor(f => f.IsFree).NotNull().WithMessage("Indiquez si l'événement est gratuit.");
        RuleFor(f => f.Booking).NotNull().WithMessage("Indiquez si une réservation est nécessaire.");
        RuleFor(f => f.Booking!.Url).WebAddress().When(f => !string.IsNullOrWhiteSpace(f.Booking?.Url))
            .WithMessage("Le lien de réservation doit être une adresse web complète (https://…).");
        RuleFor(f => f.Booking!.Capacity).InclusiveBetween(1, 100_000).When(f => f.Booking?.Capacity is not null)
            .WithMessage("La capacité d'accueil est un nombre de places entre 1 et 100 000.");
        RuleFor(f => f.Booking!.Url).NotEmpty().When(f => f.Booking is { Required: true } && string.IsNullOrWhiteSpace(f.PublicContact?.Email) && string.IsNullOrWhiteSpace(f.PublicContact?.Phone))
            .WithMessage("Une réservation est nécessaire : donnez un lien de réservation, ou un courriel ou un téléphone de contact.");

        RuleFor(f => f.PublicContact!.Email).EmailAddress().WithMessage("L'adresse électronique de contact n'est pas valide.")
            .MaximumLength(256).WithMessage("L'adresse électronique de contact ne dépasse pas 256 caractères.")
            .When(f => !string.IsNullOrWhiteSpace(f.PublicContact?.Email));
        RuleFor(f => f.PublicContact!.Phone).Matches(@"^(\+33 ?|0)[1-9]([ .-]?[0-9]{2}){4}$|^\+[0-9][0-9 .-]{6,18}$")
            .When(f => !string.IsNullOrWhiteSpace(f.PublicContact?.Phone))
            .WithMessage("Le téléphone de contact n'est pas valide (par exemple 03 20 96 48 06).");
    }

    /// <summary>No line break or control character: the text goes into mail subjects, where a line break is refused (and would start a header).</summary>
    public static bool SingleLine(string? value) => value is null || !value.Any(char.IsControl);

    /// <summary>An echoed wrong value stays short (a hostile 1 MB string is not sent back).</summary>
    public static string Shorten(string? value) => value is null ? "" : value.Length <= 40 ? value : value[..40] + "…";
}

internal sealed class SessionFieldsValidator : AbstractValidator<SessionFields>
{
    public SessionFieldsValidator()
    {
        RuleFor(s => s.Start).NotEmpty().WithMessage("Le début de la séance est obligatoire.")
            .Must(v => SessionFields.TryParse(v, out _)).When(s => !string.IsNullOrEmpty(s.Start), ApplyConditionTo.CurrentValidator).WithMessage("Le début n'est pas une date et heure valide (par exemple 2020-11-16T09:00).")
            .Must(v => SessionFields.TryParse(v, out var t) && SessionRules.Exists(t)).When(s => SessionFields.TryParse(s.Start, out _), ApplyConditionTo.CurrentValidator)
            .WithMessage("Cette heure n'existe pas à Paris (passage à l'heure d'été : de 2 h à 3 h, les horloges avancent d'une heure).");
        RuleFor(s => s.End).NotEmpty().WithMessage("La fin de la séance est obligatoire.")
            .Must(v => SessionFields.TryParse(v, out _)).When(s => !string.IsNullOrEmpty(s.End), ApplyConditionTo.CurrentValidator).WithMessage("La fin n'est pas une date et heure valide (par exemple 2020-11-16T12:00).")
            .Must(v => SessionFields.TryParse(v, out var t) && SessionRules.Exists(t)).When(s => SessionFields.TryParse(s.End, out _), ApplyConditionTo.CurrentValidator)
            .WithMessage("Cette heure n'existe pas à Paris (passage à l'heure d'été : de 2 h à 3 h, les horloges avancent d'une heure).");
        RuleFor(s => s).Must(s => Parse(s) is { } session && SessionRules.Duration(session) > TimeSpan.Zero)
            .When(s => Parse(s) is not null).OverridePropertyName("End")
            .WithMessage("La séance doit se terminer après son début.");
        RuleFor(s => s).Must(s => SessionRules.Duration(Parse(s)!) <= TimeSpan.FromDays(14))
            .When(s => Parse(s) is { } session && SessionRules.Duration(session) > TimeSpan.Zero).OverridePropertyName("End")
            .WithMessage("Une séance dure au plus 14 jours ; découpez un événement plus long en plusieurs séances.");
    }

    public static EventSession? Parse(SessionFields s) =>
        SessionFields.TryParse(s.Start, out var start) && SessionFields.TryParse(s.End, out var end) && SessionRules.Exists(start) && SessionRules.Exists(end)
            ? new EventSession(start, end)
            : null;
}

internal sealed class LocationFieldsValidator : AbstractValidator<LocationFields>
{
    public LocationFieldsValidator()
    {
        RuleFor(l => l.Mode).NotEmpty().WithMessage("Indiquez si l'événement a lieu sur place, en ligne ou les deux.");
        RuleFor(l => l.Mode).Must(v => EventVocabulary.TryParse<LocationMode>(v, out _)).When(l => !string.IsNullOrEmpty(l.Mode))
            .WithMessage(l => $"« {EventFieldsValidator.Shorten(l.Mode)} » n'est pas un mode ; modes possibles : OnSite, Online, Hybrid.");

        When(l => l.Mode is nameof(LocationMode.OnSite) or nameof(LocationMode.Hybrid), () =>
        {
            RuleFor(l => l.Street).MaximumLength(200).WithMessage("L'adresse ne dépasse pas 200 caractères."); // optional: a campus, a site, the commune is enough
            RuleFor(l => l.PostalCode).NotEmpty().WithMessage("Le code postal est obligatoire.")
                .Matches("^[0-9]{5}$").WithMessage("Le code postal compte cinq chiffres.");
            RuleFor(l => l.City).MaximumLength(100).WithMessage("La commune ne dépasse pas 100 caractères.");
            RuleFor(l => l.InseeCode).Matches("^[0-9][0-9AB][0-9]{3}$").When(l => !string.IsNullOrEmpty(l.InseeCode))
                .WithMessage("Le code INSEE d'une commune compte cinq caractères (par exemple 59606, 2A004).");
            // One message when neither is given (the map places both); the missing one's when only one is.
            RuleFor(l => l.Latitude).NotNull().When(l => l.Longitude is null).WithMessage("Placez l'événement sur la carte ou saisissez sa latitude et sa longitude.");
            RuleFor(l => l.Latitude).NotNull().When(l => l.Longitude is not null).WithMessage("Placez l'événement sur la carte ou saisissez sa latitude.");
            RuleFor(l => l.Longitude).NotNull().When(l => l.Latitude is not null).WithMessage("Placez l'événement sur la carte ou saisissez sa longitude.");
            RuleFor(l => l.Latitude).Must((l, lat) => FrenchTerritory.ContainsAny(lat!.Value, l.Longitude!.Value))
                .When(l => l.Latitude is { } lat && l.Longitude is { } lon && double.IsFinite(lat) && double.IsFinite(lon))
                .WithMessage("Ces coordonnées ne sont pas en France (métropole ou outre-mer).");
        });
        When(l => l.Mode is nameof(LocationMode.Online) or nameof(LocationMode.Hybrid), () =>
            RuleFor(l => l.OnlineUrl).NotEmpty().WithMessage("Le lien de l'événement en ligne est obligatoire.")
                .WebAddress().When(l => !string.IsNullOrEmpty(l.OnlineUrl), ApplyConditionTo.CurrentValidator)
                .WithMessage("Le lien en ligne doit être une adresse web complète (https://…)."));
    }
}
