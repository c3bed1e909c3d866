using FluentValidation.Results;
using IndustryWeek.Editions.Features;
using IndustryWeek.Editions.Features.CreateEdition;
using IndustryWeek.Editions.Features.RescheduleEdition;

namespace IndustryWeek.Editions.Tests.Features;

public sealed class EditionFieldsValidatorTests
{
    private static readonly CreateEditionValidator CreateValidator = new();
    private static readonly RescheduleEditionValidator RescheduleValidator = new();

    [Fact]
    public void Validate_WhenFirstPlanned2020Edition_HasNoError()
    {
        var result = CreateValidator.Validate(Edition2020());

        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Validate_WhenPostponement2020_HasNoError()
    {
        var result = RescheduleValidator.Validate(Postponement2020());

        Assert.Empty(result.Errors);
    }

    [Theory]
    [InlineData("Number", "Le numéro de l'édition est obligatoire.")]
    [InlineData("Year", "L'année est obligatoire.")]
    [InlineData("Name", "Le nom de l'édition est obligatoire.")]
    [InlineData("Theme", "Le thème est obligatoire.")]
    [InlineData("Hashtag", "Le mot-dièse est obligatoire.")]
    [InlineData("HeadlineWeek", "La semaine phare est obligatoire.")]
    [InlineData("EventPeriod", "La période des événements est obligatoire.")]
    [InlineData("RegistrationOpens", "La date d'ouverture des inscriptions est obligatoire.")]
    [InlineData("RegistrationCloses", "La date de clôture des inscriptions est obligatoire.")]
    [InlineData("MapVisibleFrom", "La date d'ouverture de la carte publique est obligatoire.")]
    public void Validate_WhenFieldMissing_SaysInFrenchThatItIsRequired(string propertyName, string message)
    {
        var result = CreateValidator.Validate(new CreateEditionCommand());

        var error = Assert.Single(result.Errors, e => e.PropertyName == propertyName);
        Assert.Equal(message, error.ErrorMessage);
    }

    [Fact]
    public void Validate_WhenEverythingMissing_ReportsEachRequiredFieldOnce()
    {
        var result = CreateValidator.Validate(new CreateEditionCommand());

        Assert.Equal(
            ["EventPeriod", "Hashtag", "HeadlineWeek", "MapVisibleFrom", "Name", "Number", "RegistrationCloses", "RegistrationOpens", "Theme", "Year"],
            result.Errors.Select(e => e.PropertyName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("HeadlineWeek.Start", "Le début de la semaine phare est obligatoire.")]
    [InlineData("HeadlineWeek.End", "La fin de la semaine phare est obligatoire.")]
    public void Validate_WhenHeadlineWeekHalfGiven_SaysWhichEndIsMissing(string propertyName, string message)
    {
        var week = propertyName.EndsWith(".Start", StringComparison.Ordinal)
            ? new PeriodFields { End = new DateOnly(2020, 4, 5) }
            : new PeriodFields { Start = new DateOnly(2020, 3, 30) };

        var result = CreateValidator.Validate(Edition2020() with { HeadlineWeek = week });

        AssertSingleError(result, propertyName, message);
    }

    [Fact]
    public void Validate_WhenRegionalPeriodHasNoRegionCode_SaysItIsRequired()
    {
        var result = CreateValidator.Validate(Edition2020() with
        {
            RegionalPeriods = [new RegionalPeriodFields { Start = new DateOnly(2020, 3, 16), End = new DateOnly(2020, 4, 19) }],
        });

        AssertSingleError(result, "RegionalPeriods[0].RegionCode", "Le code de la région est obligatoire.");
    }

    [Fact]
    public void Validate_WhenHeadlineWeekEndsBeforeItStarts_SaysEndMustFollowStart()
    {
        var result = CreateValidator.Validate(Edition2020() with { HeadlineWeek = Period(2020, 4, 5, 3, 30) });

        AssertSingleError(result, "HeadlineWeek.End", "La fin de la semaine phare doit être postérieure ou égale à son début.");
    }

    [Fact]
    public void Validate_WhenEventPeriodEndsBeforeItStarts_SaysEndMustFollowStart()
    {
        var result = CreateValidator.Validate(Edition2020() with { EventPeriod = Period(2020, 4, 5, 3, 30) });

        AssertSingleError(result, "EventPeriod.End", "La fin de la période des événements doit être postérieure ou égale à son début.");
    }

    [Fact]
    public void Validate_WhenRegionalPeriodEndsBeforeItStarts_SaysEndMustFollowStart()
    {
        var result = CreateValidator.Validate(Edition2020() with
        {
            RegionalPeriods = [new RegionalPeriodFields { RegionCode = "32", Start = new DateOnly(2020, 4, 19), End = new DateOnly(2020, 3, 16) }],
        });

        AssertSingleError(result, "RegionalPeriods[0].End", "La fin de la période régionale doit être postérieure ou égale à son début.");
    }

    [Fact]
    public void Validate_WhenSingleDayPeriods_AcceptsThem()
    {
        var result = CreateValidator.Validate(Edition2020() with
        {
            HeadlineWeek = Period(2020, 4, 1, 4, 1),
            RegionalPeriods = [new RegionalPeriodFields { RegionCode = "32", Start = new DateOnly(2020, 4, 2), End = new DateOnly(2020, 4, 2) }],
        });

        Assert.Empty(result.Errors);
    }

    [Theory]
    [InlineData(3, 23, 3, 29)]
    [InlineData(4, 1, 4, 7)]
    [InlineData(4, 6, 4, 12)]
    public void Validate_WhenHeadlineWeekOutsideEventPeriod_SaysItMustBeInsideNamingThePeriod(int startMonth, int startDay, int endMonth, int endDay)
    {
        var result = CreateValidator.Validate(Edition2020() with { HeadlineWeek = Period(2020, startMonth, startDay, endMonth, endDay) });

        AssertSingleError(
            result,
            "HeadlineWeek",
            "La semaine phare doit être comprise dans la période des événements (du 30 mars 2020 au 5 avril 2020).");
    }

    [Fact]
    public void Validate_WhenRegistrationClosesAfterEventPeriodEnd_SaysItMustCloseByItsLastDay()
    {
        var result = CreateValidator.Validate(Edition2020() with { RegistrationCloses = new DateOnly(2020, 4, 6) });

        AssertSingleError(
            result,
            "RegistrationCloses",
            "Les inscriptions doivent se clôturer au plus tard le dernier jour de la période des événements (5 avril 2020).");
    }

    [Fact]
    public void Validate_WhenRegistrationClosesOnEventPeriodLastDay_AcceptsIt()
    {
        var result = CreateValidator.Validate(Edition2020() with { RegistrationCloses = new DateOnly(2020, 4, 5) });

        Assert.Empty(result.Errors);
    }

    [Theory]
    [InlineData(2019, 12, 2)]
    [InlineData(2019, 12, 1)]
    public void Validate_WhenRegistrationClosesNotAfterItOpens_SaysItMustCloseAfterOpening(int year, int month, int day)
    {
        var result = CreateValidator.Validate(Edition2020() with { RegistrationCloses = new DateOnly(year, month, day) });

        AssertSingleError(result, "RegistrationCloses", "La clôture des inscriptions doit être postérieure à leur ouverture.");
    }

    [Fact]
    public void Validate_WhenUnknownRegionCode_SaysItIsNotAnOfficialCode()
    {
        var result = CreateValidator.Validate(Edition2020() with
        {
            RegionalPeriods = [new RegionalPeriodFields { RegionCode = "99", Start = new DateOnly(2020, 3, 16), End = new DateOnly(2020, 4, 19) }],
        });

        AssertSingleError(
            result,
            "RegionalPeriods[0].RegionCode",
            "« 99 » n'est pas un code de région officiel (COG), par exemple 32 pour les Hauts-de-France.");
    }

    [Fact]
    public void Validate_WhenSameRegionTwice_SaysOnePeriodPerRegionNamingTheRegion()
    {
        var result = CreateValidator.Validate(Edition2020() with
        {
            RegionalPeriods =
            [
                new RegionalPeriodFields { RegionCode = "32", Start = new DateOnly(2020, 3, 16), End = new DateOnly(2020, 4, 19) },
                new RegionalPeriodFields { RegionCode = "11", Start = new DateOnly(2020, 3, 23), End = new DateOnly(2020, 4, 12) },
                new RegionalPeriodFields { RegionCode = "32", Start = new DateOnly(2020, 3, 23), End = new DateOnly(2020, 4, 12) },
            ],
        });

        AssertSingleError(result, "RegionalPeriods", "Une seule période par région : Hauts-de-France en a plusieurs.");
    }

    [Theory]
    [InlineData("SemaineIndustrie")]
    [InlineData("#Semaine Industrie")]
    [InlineData("#S")]
    [InlineData("#Semaine-Industrie")]
    public void Validate_WhenBadHashtag_ExplainsTheExpectedShape(string hashtag)
    {
        var result = CreateValidator.Validate(Edition2020() with { Hashtag = hashtag });

        AssertSingleError(
            result,
            "Hashtag",
            "Le mot-dièse commence par # suivi de lettres ou de chiffres, sans espace (par exemple #SemaineIndustrie).");
    }

    [Theory]
    [InlineData(2010)]
    [InlineData(2101)]
    public void Validate_WhenYearOutOfRange_SaysItMustBeFrom2011(int year)
    {
        var result = CreateValidator.Validate(Edition2020() with { Year = year });

        AssertSingleError(result, "Year", "L'année doit être comprise entre 2011 (première édition) et 2100.");
    }

    [Fact]
    public void Validate_WhenYear2011_AcceptsTheFirstEdition()
    {
        var result = CreateValidator.Validate(Edition2020() with { Year = 2011 });

        Assert.Empty(result.Errors);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_WhenRescheduleWithoutReason_SaysTheReasonIsRequired(string? reason)
    {
        var result = RescheduleValidator.Validate(Postponement2020() with { Reason = reason });

        AssertSingleError(result, "Reason", "Le motif de la reprogrammation est obligatoire.");
    }

    [Fact]
    public void Validate_WhenRescheduleReasonTooLong_SaysItsMaximumLength()
    {
        var result = RescheduleValidator.Validate(Postponement2020() with { Reason = new string('a', 1001) });

        AssertSingleError(result, "Reason", "Le motif ne doit pas dépasser 1 000 caractères.");
    }

    [Fact]
    public void Validate_WhenRescheduleClosesRegistrationAfterEventPeriod_AppliesTheScheduleRules()
    {
        var result = RescheduleValidator.Validate(Postponement2020() with { RegistrationCloses = new DateOnly(2020, 11, 23) });

        AssertSingleError(
            result,
            "RegistrationCloses",
            "Les inscriptions doivent se clôturer au plus tard le dernier jour de la période des événements (22 novembre 2020).");
    }

    [Fact]
    public void Validate_WhenRescheduleHeadlineWeekOutsideEventPeriod_AppliesTheScheduleRules()
    {
        var result = RescheduleValidator.Validate(Postponement2020() with { HeadlineWeek = Period(2020, 11, 23, 11, 29) });

        AssertSingleError(
            result,
            "HeadlineWeek",
            "La semaine phare doit être comprise dans la période des événements (du 16 novembre 2020 au 22 novembre 2020).");
    }

    [Fact]
    public void Validate_WhenRescheduleHasNoDates_SaysEachIsRequired()
    {
        var result = RescheduleValidator.Validate(new RescheduleEditionCommand { Reason = "Covid-19" });

        Assert.Equal(
            [
                ("EventPeriod", "La période des événements est obligatoire."),
                ("HeadlineWeek", "La semaine phare est obligatoire."),
                ("RegistrationCloses", "La date de clôture des inscriptions est obligatoire."),
            ],
            result.Errors.Select(e => (e.PropertyName, e.ErrorMessage)).OrderBy(e => e.PropertyName, StringComparer.Ordinal));
    }

    private static void AssertSingleError(ValidationResult result, string propertyName, string message)
    {
        var error = Assert.Single(result.Errors);
        Assert.Equal(propertyName, error.PropertyName);
        Assert.Equal(message, error.ErrorMessage);
    }

    private static PeriodFields Period(int year, int startMonth, int startDay, int endMonth, int endDay) =>
        new() { Start = new DateOnly(year, startMonth, startDay), End = new DateOnly(year, endMonth, endDay) };

    /// <summary>The 10th edition as first planned (EditionsDemoSeeder).</summary>
    private static CreateEditionCommand Edition2020() => new()
    {
        Number = 10,
        Year = 2020,
        Name = "Semaine de l'industrie 2020",
        Theme = "Inventer un avenir durable",
        ThemeDescription = "Le thème illustre l'engagement des acteurs industriels dans la transition écologique et l'économie circulaire.",
        FocusTopics = ["Transition écologique", "Économie circulaire", "Mixité des métiers"],
        Hashtag = "#SemaineIndustrie",
        HeadlineWeek = Period(2020, 3, 30, 4, 5),
        EventPeriod = Period(2020, 3, 30, 4, 5),
        RegionalPeriods = [new RegionalPeriodFields { RegionCode = "32", Start = new DateOnly(2020, 3, 16), End = new DateOnly(2020, 4, 19) }],
        RegistrationOpens = new DateOnly(2019, 12, 2),
        RegistrationCloses = new DateOnly(2020, 3, 20),
        MapVisibleFrom = new DateOnly(2020, 2, 1),
    };

    /// <summary>The postponement to 16 – 22 November 2020 (EditionsDemoSeeder).</summary>
    private static RescheduleEditionCommand Postponement2020() => new()
    {
        HeadlineWeek = Period(2020, 11, 16, 11, 22),
        EventPeriod = Period(2020, 11, 16, 11, 22),
        RegionalPeriods = [],
        RegistrationCloses = new DateOnly(2020, 11, 13),
        Reason = "Report lié à la situation sanitaire (Covid-19) : la 10e édition, initialement prévue du 30 mars au 5 avril, a lieu du 16 au 22 novembre 2020.",
    };
}
