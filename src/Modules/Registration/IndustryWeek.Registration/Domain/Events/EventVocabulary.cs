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
    public static readonly IReadOnlyDictionary<EventFormat, string> Formats = new Dictionary<EventFormat, string>
    {
        [EventFormat.CompanyVisit] = "Visite d'entreprise",
        [EventFormat.OpenDay] = "Portes ouvertes",
        [EventFormat.JobDating] = "Job dating",
        [EventFormat.JobForum] = "Forum des métiers",
        [EventFormat.Conference] = "Conférence, table ronde",
        [EventFormat.WebConference] = "Webconférence",
        [EventFormat.Workshop] = "Atelier",
        [EventFormat.Exhibition] = "Exposition",
        [EventFormat.ClassIntervention] = "Intervention en classe",
        [EventFormat.VirtualVisit] = "Visite virtuelle",
        [EventFormat.Contest] = "Concours",
        [EventFormat.Other] = "Autre",
    };

    public static readonly IReadOnlyDictionary<Audience, string> Audiences = new Dictionary<Audience, string>
    {
        [Audience.GeneralPublic] = "Grand public",
        [Audience.Pupils] = "Collégiens et lycéens",
        [Audience.Students] = "Étudiants",
        [Audience.JobSeekers] = "Demandeurs d'emploi",
        [Audience.Teachers] = "Enseignants",
        [Audience.CareersAdvisers] = "Conseillers d'orientation et prescripteurs",
        [Audience.Employees] = "Salariés de l'entreprise (interne)",
        [Audience.Other] = "Autre public",
    };

    public static readonly IReadOnlyDictionary<IndustrySector, string> Sectors = new Dictionary<IndustrySector, string>
    {
        [IndustrySector.Aeronautics] = "Aéronautique et spatial",
        [IndustrySector.Automotive] = "Automobile",
        [IndustrySector.Rail] = "Ferroviaire",
        [IndustrySector.Naval] = "Industries de la mer",
        [IndustrySector.Nuclear] = "Nucléaire",
        [IndustrySector.Energy] = "Nouveaux systèmes énergétiques",
        [IndustrySector.Chemistry] = "Chimie et matériaux",
        [IndustrySector.Agrifood] = "Agroalimentaire",
        [IndustrySector.Wood] = "Bois",
        [IndustrySector.Fashion] = "Mode et luxe",
        [IndustrySector.HealthIndustries] = "Industries et technologies de santé",
        [IndustrySector.MiningAndMetallurgy] = "Mines et métallurgie",
        [IndustrySector.ConstructionMaterials] = "Industries pour la construction",
        [IndustrySector.Electronics] = "Électronique",
        [IndustrySector.Digital] = "Numérique",
        [IndustrySector.SecurityIndustries] = "Industries de sécurité",
        [IndustrySector.IndustryOfTheFuture] = "Solutions industrie du futur",
        [IndustrySector.WasteRecovery] = "Transformation et valorisation des déchets",
        [IndustrySector.Mechanical] = "Mécanique",
        [IndustrySector.Other] = "Autre secteur",
    };

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

    /// <summary>The API's names, strictly: « 3 » or « companyvisit » are not formats.</summary>
    public static bool TryParse<TEnum>(string? value, out TEnum parsed)
        where TEnum : struct, Enum
    {
        parsed = default;
        return value is not null && Enum.GetNames<TEnum>().Contains(value, StringComparer.Ordinal) && Enum.TryParse(value, out parsed);
    }
}
