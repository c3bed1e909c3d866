using FluentValidation;
using IndustryWeek.Editions.Contracts;
using IndustryWeek.Editions.Domain;
using IndustryWeek.Shared.PublishedLanguage;
using IndustryWeek.Shared.Time;

namespace IndustryWeek.Editions.Features;

// The JSON shapes administrators send (API.md, Editions). Everything is nullable so that a missing
// field gets a French « obligatoire » message rather than a default value.

internal sealed record PeriodFields
{
    public DateOnly? Start { get; init; }

    public DateOnly? End { get; init; }

    public DatePeriod ToPeriod() => new(Start!.Value, End!.Value);
}

internal sealed record RegionalPeriodFields
{
    public string? RegionCode { get; init; }

    public DateOnly? Start { get; init; }

    public DateOnly? End { get; init; }
}

/// <summary>The dates of an edition, as created, updated or rescheduled.</summary>
internal interface IScheduleFields
{
    PeriodFields? HeadlineWeek { get; }

    PeriodFields? EventPeriod { get; }

    IReadOnlyList<RegionalPeriodFields>? RegionalPeriods { get; }

    DateOnly? RegistrationCloses { get; }
}

/// <summary>An edition as created or updated: the body of POST and PUT /api/editions.</summary>
internal abstract record EditionFields : IScheduleFields
{
    public int? Number { get; init; }

    public int? Year { get; init; }

    public string? Name { get; init; }

    public string? Theme { get; init; }

    public string? ThemeDescription { get; init; }

    public IReadOnlyList<string>? FocusTopics { get; init; }

    public string? Hashtag { get; init; }

    public PeriodFields? HeadlineWeek { get; init; }

    public PeriodFields? EventPeriod { get; init; }

    public IReadOnlyList<RegionalPeriodFields>? RegionalPeriods { get; init; }

    public DateOnly? RegistrationOpens { get; init; }

    public DateOnly? RegistrationCloses { get; init; }

    public DateOnly? MapVisibleFrom { get; init; }

    /// <summary>Only called once the fields are valid.</summary>
    public EditionDetails ToDetails() => new(
        Number!.Value,
        Year!.Value,
        Name!.Trim(),
        Theme!.Trim(),
        ThemeDescription?.Trim() ?? "",
        [.. (FocusTopics ?? []).Select(t => t.Trim())],
        Hashtag!.Trim(),
        this.ToSchedule(),
        RegistrationOpens!.Value,
        MapVisibleFrom!.Value);
}

internal static class ScheduleFieldsMapping
{
    public static EditionSchedule ToSchedule(this IScheduleFields fields) => new()
    {
        HeadlineWeek = fields.HeadlineWeek!.ToPeriod(),
        EventPeriod = fields.EventPeriod!.ToPeriod(),
        RegionalPeriods = [.. (fields.RegionalPeriods ?? []).Select(p => new RegionalPeriod(p.RegionCode!, p.Start!.Value, p.End!.Value))],
        RegistrationCloses = fields.RegistrationCloses!.Value,
    };
}

/// <summary>An edition's dates stay within the years the platform plans for (year 1 or 9999 is a typing accident, and overflows date arithmetic).</summary>
internal static class PlausibleDates
{
    public const string Message = "Cette date doit être comprise entre 2000 et 2100.";

    public static bool IsPlausible(DateOnly? date) => date is not { } day || day.Year is >= 2000 and <= 2100;
}

/// <summary>The rules every edition's dates obey, whether created, updated or rescheduled.</summary>
internal sealed class ScheduleValidator<T> : AbstractValidator<T>
    where T : IScheduleFields
{
    public ScheduleValidator()
    {
        RuleFor(x => x.HeadlineWeek).NotNull().WithMessage("La semaine phare est obligatoire.")
            .SetValidator(new PeriodValidator("semaine phare")!);
        RuleFor(x => x.EventPeriod).NotNull().WithMessage("La période des événements est obligatoire.")
            .SetValidator(new PeriodValidator("période des événements")!);
        RuleFor(x => x.RegistrationCloses).NotNull().WithMessage("La date de clôture des inscriptions est obligatoire.")
            .Must(PlausibleDates.IsPlausible).WithMessage(PlausibleDates.Message);
        RuleForEach(x => x.RegionalPeriods).NotNull().WithMessage("Une période régionale ne peut pas être vide.")
            .SetValidator(new RegionalPeriodValidator());

        RuleFor(x => x.HeadlineWeek)
            .Must((x, week) => x.EventPeriod!.ToPeriod().Contains(week!.ToPeriod()))
            .When(x => IsComplete(x.HeadlineWeek) && IsComplete(x.EventPeriod))
            .WithMessage(x => $"La semaine phare doit être comprise dans la période des événements ({Describe(x.EventPeriod!)}).");
        RuleFor(x => x.RegistrationCloses)
            .Must((x, closes) => closes <= x.EventPeriod!.End)
            .When(x => x.RegistrationCloses is not null && IsComplete(x.EventPeriod))
            .WithMessage(x => $"Les inscriptions doivent se clôturer au plus tard le dernier jour de la période des événements ({ParisTime.FormatDate(x.EventPeriod!.End!.Value)}).");
        RuleFor(x => x.RegionalPeriods)
            .Must(periods => periods!.Where(p => p?.RegionCode is not null).GroupBy(p => p.RegionCode).All(g => g.Count() == 1))
            .When(x => x.RegionalPeriods is not null)
            .WithMessage(x => $"Une seule période par région : {string.Join(", ", x.RegionalPeriods!.Where(p => p?.RegionCode is not null).GroupBy(p => p.RegionCode!).Where(g => g.Count() > 1).Select(g => Regions.ByCode.GetValueOrDefault(g.Key, g.Key)))} en a plusieurs.");
    }

    internal static bool IsComplete(PeriodFields? period) => period is { Start: not null, End: not null } && period.Start <= period.End;

    private static string Describe(PeriodFields period) =>
        $"du {ParisTime.FormatDate(period.Start!.Value)} au {ParisTime.FormatDate(period.End!.Value)}";
}

internal sealed class PeriodValidator : AbstractValidator<PeriodFields>
{
    public PeriodValidator(string label)
    {
        RuleFor(p => p.Start).NotNull().WithMessage($"Le début de la {label} est obligatoire.")
            .Must(PlausibleDates.IsPlausible).WithMessage(PlausibleDates.Message);
        RuleFor(p => p.End).NotNull().WithMessage($"La fin de la {label} est obligatoire.")
            .Must(PlausibleDates.IsPlausible).WithMessage(PlausibleDates.Message);
        RuleFor(p => p.End)
            .Must((p, end) => p.Start <= end)
            .When(p => p.Start is not null && p.End is not null)
            .WithMessage($"La fin de la {label} doit être postérieure ou égale à son début.");
    }
}

internal sealed class RegionalPeriodValidator : AbstractValidator<RegionalPeriodFields>
{
    public RegionalPeriodValidator()
    {
        RuleFor(p => p.RegionCode).NotEmpty().WithMessage("Le code de la région est obligatoire.");
        RuleFor(p => p.RegionCode)
            .Must(Regions.IsRegionCode)
            .When(p => !string.IsNullOrEmpty(p.RegionCode))
            .WithMessage(p => $"« {p.RegionCode} » n'est pas un code de région officiel (COG), par exemple 32 pour les Hauts-de-France.");
        RuleFor(p => p.Start).NotNull().WithMessage("Le début de la période régionale est obligatoire.")
            .Must(PlausibleDates.IsPlausible).WithMessage(PlausibleDates.Message);
        RuleFor(p => p.End).NotNull().WithMessage("La fin de la période régionale est obligatoire.")
            .Must(PlausibleDates.IsPlausible).WithMessage(PlausibleDates.Message);
        RuleFor(p => p.End)
            .Must((p, end) => p.Start <= end)
            .When(p => p.Start is not null && p.End is not null)
            .WithMessage("La fin de la période régionale doit être postérieure ou égale à son début.");
    }
}

/// <summary>Rules of an edition's own fields, shared by creation and update.</summary>
internal class EditionFieldsValidator<T> : AbstractValidator<T>
    where T : EditionFields
{
    protected EditionFieldsValidator()
    {
        RuleFor(x => x.Number).NotNull().WithMessage("Le numéro de l'édition est obligatoire.")
            .InclusiveBetween(1, 200).WithMessage("Le numéro de l'édition doit être compris entre 1 et 200.");
        RuleFor(x => x.Year).NotNull().WithMessage("L'année est obligatoire.")
            .InclusiveBetween(2011, 2100).WithMessage("L'année doit être comprise entre 2011 (première édition) et 2100.");
        RuleFor(x => x.Name).NotEmpty().WithMessage("Le nom de l'édition est obligatoire.")
            .MaximumLength(200).WithMessage("Le nom de l'édition ne doit pas dépasser 200 caractères.");
        RuleFor(x => x.Theme).NotEmpty().WithMessage("Le thème est obligatoire.")
            .MaximumLength(200).WithMessage("Le thème ne doit pas dépasser 200 caractères.");
        RuleFor(x => x.ThemeDescription).MaximumLength(4000).WithMessage("La présentation du thème ne doit pas dépasser 4 000 caractères.");
        RuleFor(x => x.FocusTopics).Must(t => t!.Count <= 10).When(x => x.FocusTopics is not null)
            .WithMessage("Dix thématiques au plus.");
        RuleForEach(x => x.FocusTopics).NotEmpty().WithMessage("Une thématique ne peut pas être vide.")
            .MaximumLength(100).WithMessage("Une thématique ne doit pas dépasser 100 caractères.");
        RuleFor(x => x.Hashtag).NotEmpty().WithMessage("Le mot-dièse est obligatoire.")
            .Matches(@"^#[\p{L}\p{N}_]{2,59}$").WithMessage("Le mot-dièse commence par # suivi de lettres ou de chiffres, sans espace (par exemple #SemaineIndustrie).");
        RuleFor(x => x.RegistrationOpens).NotNull().WithMessage("La date d'ouverture des inscriptions est obligatoire.")
            .Must(PlausibleDates.IsPlausible).WithMessage(PlausibleDates.Message);
        RuleFor(x => x.RegistrationCloses)
            .Must((x, closes) => closes > x.RegistrationOpens)
            .When(x => x.RegistrationOpens is not null && x.RegistrationCloses is not null)
            .WithMessage("La clôture des inscriptions doit être postérieure à leur ouverture.");
        RuleFor(x => x.MapVisibleFrom).NotNull().WithMessage("La date d'ouverture de la carte publique est obligatoire.")
            .Must(PlausibleDates.IsPlausible).WithMessage(PlausibleDates.Message);
        Include(new ScheduleValidator<T>());
    }
}
