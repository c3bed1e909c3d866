using IndustryWeek.Shared.PublishedLanguage;

namespace IndustryWeek.Registration.Domain.Events;

/// <summary>API.md's event formats.</summary>
internal enum EventFormat
{
    CompanyVisit,
    OpenDay,
    JobDating,
    JobForum,
    Conference,
    WebConference,
    Workshop,
    Exhibition,
    ClassIntervention,
    VirtualVisit,
    Contest,
    Other,
}

/// <summary>API.md's audiences; every one but <see cref="Employees"/> is open to the public.</summary>
internal enum Audience
{
    GeneralPublic,
    Pupils,
    Students,
    JobSeekers,
    Teachers,
    CareersAdvisers,
    Employees,
    Other,
}

/// <summary>The industry's sectors (the strategic sector committees of the Conseil national de l'industrie, plus « autre »).</summary>
internal enum IndustrySector
{
    Aeronautics,
    Automotive,
    Rail,
    Naval,
    Nuclear,
    Energy,
    Chemistry,
    Agrifood,
    Wood,
    Fashion,
    HealthIndustries,
    MiningAndMetallurgy,
    ConstructionMaterials,
    Electronics,
    Digital,
    SecurityIndustries,
    IndustryOfTheFuture,
    WasteRecovery,
    Mechanical,
    Other,
}

internal enum EventStatus
{
    Draft,
    Submitted,
    ChangesRequested,
    Labelled,
    Refused,
    Withdrawn,
    Cancelled,
    Suspended,
}

/// <summary>The French words organisers read for each value.</summary>
internal static class EventVocabulary
{
    // The words are the published language's (EventWords), keyed here by Registration's own enums.
    public static readonly IReadOnlyDictionary<EventFormat, string> Formats = Words<EventFormat>(EventWords.Formats);

    public static readonly IReadOnlyDictionary<Audience, string> Audiences = Words<Audience>(EventWords.Audiences);

    public static readonly IReadOnlyDictionary<IndustrySector, string> Sectors = Words<IndustrySector>(EventWords.Sectors);

    public static readonly IReadOnlyDictionary<EventStatus, string> Statuses = new Dictionary<EventStatus, string>
    {
        [EventStatus.Draft] = "Brouillon",
        [EventStatus.Submitted] = "En cours d'examen",
        [EventStatus.ChangesRequested] = "Modifications demandées",
        [EventStatus.Labelled] = "Labellisé",
        [EventStatus.Refused] = "Refusé",
        [EventStatus.Withdrawn] = "Retiré",
        [EventStatus.Cancelled] = "Annulé",
        [EventStatus.Suspended] = "Label suspendu",
    };

    private static Dictionary<TEnum, string> Words<TEnum>(IReadOnlyDictionary<string, string> words)
        where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().ToDictionary(v => v, v => words[v.ToString()]);

    /// <summary>The API's names, strictly: « 3 » or « companyvisit » are not formats.</summary>
    public static bool TryParse<TEnum>(string? value, out TEnum parsed)
        where TEnum : struct, Enum
    {
        parsed = default;
        return value is not null && Enum.GetNames<TEnum>().Contains(value, StringComparer.Ordinal) && Enum.TryParse(value, out parsed);
    }
}
