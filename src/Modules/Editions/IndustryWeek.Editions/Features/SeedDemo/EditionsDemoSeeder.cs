using IndustryWeek.Editions.Features.ChangeEditionStatus;
using IndustryWeek.Editions.Features.CloseDueRegistrations;
using IndustryWeek.Editions.Features.CreateEdition;
using IndustryWeek.Editions.Features.GetEditions;
using IndustryWeek.Editions.Features.RescheduleEdition;
using IndustryWeek.Shared;
using IndustryWeek.Shared.Domain;
using IndustryWeek.Shared.Time;
using MediatR;
using Microsoft.Extensions.Logging;

namespace IndustryWeek.Editions.Features.SeedDemo;

/// <summary>
/// The real editions of the press releases in ../shared/seeds/ (2017, 2018, 2020 and its postponement),
/// created through the module's own commands. Dates the releases do not give are marked « assumed ».
/// </summary>
internal sealed partial class EditionsDemoSeeder(IMediator mediator, TimeProvider time, ILogger<EditionsDemoSeeder> logger) : IDemoSeeder
{
    private const string Administrator = "seed-demo";

    public int Order => 10;

    public async Task SeedAsync(DemoOptions options, CancellationToken cancellationToken)
    {
        var existing = (await mediator.Send(new GetEditionsQuery(IncludeDrafts: true), cancellationToken)).Select(e => e.Year).ToHashSet();

        if (!existing.Contains(2017))
        {
            var created = await CreateAndPublishAsync(Edition2017, cancellationToken);
            LogCreated(logger, created.Year, created.Name);
        }

        if (!existing.Contains(2018))
        {
            var created = await CreateAndPublishAsync(Edition2018, cancellationToken);
            LogCreated(logger, created.Year, created.Name);
        }

        if (!existing.Contains(2020))
        {
            var created = await CreateAndPublishAsync(Edition2020AsFirstPlanned, cancellationToken);
            Check(await mediator.Send(Postponement2020 with { Id = created.Id, ChangedBy = Administrator }, cancellationToken));
            LogCreated(logger, created.Year, created.Name);
        }

        // Their registrations are long over: close them as the nightly job would.
        await mediator.Send(new CloseDueRegistrationsCommand(), cancellationToken);

        // An edition open for registration today, so that the demo's organisers have one to prepare.
        var upcoming = UpcomingEdition(time.TodayInParis());
        if (!existing.Contains(upcoming.Year!.Value))
        {
            var created = await CreateAndPublishAsync(upcoming, cancellationToken);
            LogCreated(logger, created.Year, created.Name);
        }
    }

    /// <summary>
    /// Not from the press releases: the next edition, with dates relative to today (registration open
    /// now, the week at the end of March, Hauts-de-France's wider period as in 2020). Theme assumed.
    /// </summary>
    public static CreateEditionCommand UpcomingEdition(DateOnly today)
    {
        var year = today.Month >= 3 ? today.Year + 1 : today.Year;
        // (March or later: this year's edition is over or about to be, so the demo prepares next year's.)
        var monday = new DateOnly(year, 3, 20);
        while (monday.DayOfWeek != DayOfWeek.Monday)
        {
            monday = monday.AddDays(1);
        }

        var closes = monday.AddDays(-10);
        return new CreateEditionCommand
        {
            Number = year - 2010,
            Year = year,
            Name = $"Semaine de l'industrie {year}",
            Theme = "L'industrie, des métiers d'avenir",
            ThemeDescription = "Édition de démonstration (dates et thème supposés) : entreprises, écoles et partenaires font découvrir les métiers et les formations de l'industrie.",
            FocusTopics = ["Métiers d'avenir", "Mixité des métiers", "Transition écologique"],
            Hashtag = "#SemaineIndustrie",
            HeadlineWeek = new PeriodFields { Start = monday, End = monday.AddDays(6) },
            EventPeriod = new PeriodFields { Start = monday.AddDays(-7), End = monday.AddDays(13) },
            RegionalPeriods = [new RegionalPeriodFields { RegionCode = "32", Start = monday.AddDays(-14), End = monday.AddDays(20) }],
            RegistrationOpens = today.AddDays(-7) < closes ? today.AddDays(-7) : closes.AddDays(-1),
            RegistrationCloses = closes,
            MapVisibleFrom = closes.AddDays(-30),
        };
    }

    private async Task<EditionDto> CreateAndPublishAsync(CreateEditionCommand command, CancellationToken cancellationToken)
    {
        var created = Check(await mediator.Send(command, cancellationToken));
        return Check(await mediator.Send(new ChangeEditionStatusCommand(created.Id, EditionTransition.Publish), cancellationToken));
    }

    private static T Check<T>(Result<T> result) =>
        result.IsSuccess ? result.Value : throw new InvalidOperationException($"seed-demo: {result.Error!.Message}");

    private static PeriodFields Period(int year, int startMonth, int startDay, int endMonth, int endDay) =>
        new() { Start = new DateOnly(year, startMonth, startDay), End = new DateOnly(year, endMonth, endDay) };

    // 001: 7th edition, 20 – 26 March 2017; labelling from 1 December 2016 to 6 March 2017; events
    // « entre début mars et début avril 2017 »; focus « L'industrie aussi, c'est écologique ! ».
    private static readonly CreateEditionCommand Edition2017 = new()
    {
        Number = 7,
        Year = 2017,
        Name = "Semaine de l'industrie 2017",
        Theme = "L'industrie aussi, c'est écologique !",
        ThemeDescription = "En 2017, la Semaine de l'industrie est centrée sur l'écologie, avec un concours d'impression 3D « Imagine et imprime un objet écolo rigolo » et la Journée nationale des jeunes le 23 mars.",
        FocusTopics = ["Écologie", "Concours impression 3D", "Journée nationale des jeunes"],
        Hashtag = "#SemaineIndustrie",
        HeadlineWeek = Period(2017, 3, 20, 3, 26),
        EventPeriod = Period(2017, 3, 1, 4, 7),
        RegionalPeriods = [],
        RegistrationOpens = new DateOnly(2016, 12, 1),
        RegistrationCloses = new DateOnly(2017, 3, 6),
        MapVisibleFrom = new DateOnly(2017, 2, 1), // assumed
    };

    // 002: 8th edition, 26 March – 1 April 2018, labelling until Monday 12 March 2018, focus on connected industry.
    private static readonly CreateEditionCommand Edition2018 = new()
    {
        Number = 8,
        Year = 2018,
        Name = "Semaine de l'industrie 2018",
        Theme = "L'industrie connectée",
        ThemeDescription = "La Semaine de l'industrie 2018 met l'accent sur l'industrie connectée.",
        FocusTopics = ["Industrie connectée"],
        Hashtag = "#SemaineIndustrie",
        HeadlineWeek = Period(2018, 3, 26, 4, 1),
        EventPeriod = Period(2018, 3, 26, 4, 1),
        RegionalPeriods = [],
        RegistrationOpens = new DateOnly(2017, 12, 1), // assumed
        RegistrationCloses = new DateOnly(2018, 3, 12),
        MapVisibleFrom = new DateOnly(2018, 2, 16), // assumed: the release of 16 February announces the map
    };

    // 000, 003, 004: 10th edition « Inventer un avenir durable », first planned 30 March – 5 April 2020,
    // labelling before 20 March 2020; Hauts-de-France accepted events from 16 March to 19 April;
    // the map « dès février ».
    private static readonly CreateEditionCommand Edition2020AsFirstPlanned = new()
    {
        Number = 10,
        Year = 2020,
        Name = "Semaine de l'industrie 2020",
        Theme = "Inventer un avenir durable",
        ThemeDescription = "Le thème illustre l'engagement des acteurs industriels dans la transition écologique et l'économie circulaire, et met en avant les initiatives pour la mixité des métiers et la sensibilisation des jeunes filles aux carrières industrielles.",
        FocusTopics = ["Transition écologique", "Économie circulaire", "Mixité des métiers"],
        Hashtag = "#SemaineIndustrie",
        HeadlineWeek = Period(2020, 3, 30, 4, 5),
        EventPeriod = Period(2020, 3, 30, 4, 5),
        RegionalPeriods = [new RegionalPeriodFields { RegionCode = "32", Start = new DateOnly(2020, 3, 16), End = new DateOnly(2020, 4, 19) }],
        RegistrationOpens = new DateOnly(2019, 12, 2), // assumed
        RegistrationCloses = new DateOnly(2020, 3, 20),
        MapVisibleFrom = new DateOnly(2020, 2, 1),
    };

    // 004: postponed to 16 – 22 November 2020 because of Covid-19.
    private static readonly RescheduleEditionCommand Postponement2020 = new()
    {
        HeadlineWeek = Period(2020, 11, 16, 11, 22),
        EventPeriod = Period(2020, 11, 16, 11, 22),
        RegionalPeriods = [],
        RegistrationCloses = new DateOnly(2020, 11, 13), // assumed: « les nouvelles modalités seront communiquées prochainement »
        Reason = "Report lié à la situation sanitaire (Covid-19) : le ministère de l'Économie et des Finances et les partenaires reportent la 10e édition, initialement prévue du 30 mars au 5 avril, du 16 au 22 novembre 2020.",
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "seed-demo: édition {Year} créée ({Name})")]
    private static partial void LogCreated(ILogger logger, int year, string name);
}
