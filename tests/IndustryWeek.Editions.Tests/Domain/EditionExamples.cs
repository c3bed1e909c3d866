using IndustryWeek.Editions.Contracts;
using IndustryWeek.Editions.Domain;
using IndustryWeek.Shared.PublishedLanguage;

namespace IndustryWeek.Editions.Tests.Domain;

/// <summary>The 10th edition (2020) as first planned, then postponed because of Covid-19 (seed-demo's real dates).</summary>
internal static class EditionExamples
{
    public static readonly Guid Id = Guid.Parse("5e0c7a3d-1b2f-4c8e-9d6a-7f3b2a1c0e44");
    public static readonly DateTime CreatedAt = new(2019, 11, 4, 9, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime PublishedAt = new(2019, 11, 28, 10, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime RescheduledAt = new(2020, 3, 13, 16, 45, 0, DateTimeKind.Utc);
    public static readonly DateOnly RegistrationOpens = new(2019, 12, 2);

    public const string Administrator = "administratrice@example.fr";

    public const string Covid19 = "Report lié à la situation sanitaire (Covid-19).";

    /// <summary>30 March – 5 April 2020, Hauts-de-France from 16 March to 19 April, labelling before 20 March.</summary>
    public static EditionSchedule FirstPlanned2020() => new()
    {
        HeadlineWeek = new DatePeriod(new DateOnly(2020, 3, 30), new DateOnly(2020, 4, 5)),
        EventPeriod = new DatePeriod(new DateOnly(2020, 3, 30), new DateOnly(2020, 4, 5)),
        RegionalPeriods = [new RegionalPeriod("32", new DateOnly(2020, 3, 16), new DateOnly(2020, 4, 19))],
        RegistrationCloses = new DateOnly(2020, 3, 20),
    };

    /// <summary>16 – 22 November 2020, no regional period, labelling until 13 November.</summary>
    public static EditionSchedule Postponed2020() => new()
    {
        HeadlineWeek = new DatePeriod(new DateOnly(2020, 11, 16), new DateOnly(2020, 11, 22)),
        EventPeriod = new DatePeriod(new DateOnly(2020, 11, 16), new DateOnly(2020, 11, 22)),
        RegionalPeriods = [],
        RegistrationCloses = new DateOnly(2020, 11, 13),
    };

    public static EditionDetails Details2020(EditionSchedule? schedule = null, string theme = "Inventer un avenir durable") => new(
        10,
        2020,
        "Semaine de l'industrie 2020",
        theme,
        "Le thème illustre l'engagement des acteurs industriels dans la transition écologique et l'économie circulaire.",
        ["Transition écologique", "Économie circulaire", "Mixité des métiers"],
        "#SemaineIndustrie",
        schedule ?? FirstPlanned2020(),
        RegistrationOpens,
        new DateOnly(2020, 2, 1));

    public static Edition Draft2020(EditionSchedule? schedule = null) => Edition.Create(Id, Details2020(schedule), CreatedAt);

    /// <summary>An edition brought to <paramref name="status"/> through its own transitions, its domain events cleared.</summary>
    public static Edition InStatus(EditionStatus status, EditionSchedule? schedule = null)
    {
        var edition = Draft2020(schedule);
        if (status != EditionStatus.Draft)
        {
            Assert.Null(edition.Publish(PublishedAt));
        }

        if (status is EditionStatus.Closed or EditionStatus.Archived)
        {
            Assert.Null(edition.Close(PublishedAt.AddDays(120)));
        }

        if (status == EditionStatus.Archived)
        {
            Assert.Null(edition.Archive(PublishedAt.AddDays(400)));
        }

        edition.ClearDomainEvents();
        return edition;
    }
}
