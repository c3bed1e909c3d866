namespace IndustryWeek.Shared.PublishedLanguage;

/// <summary>
/// The event's formats, audiences and sectors as the API and the published notifications name them (API.md),
/// with the French words people read: one list for Registration's forms, the moderators' pages and the map.
/// </summary>
public static class EventWords
{
    public static readonly IReadOnlyDictionary<string, string> Formats = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["CompanyVisit"] = "Visite d'entreprise",
        ["OpenDay"] = "Portes ouvertes",
        ["JobDating"] = "Job dating",
        ["JobForum"] = "Forum des métiers",
        ["Conference"] = "Conférence, table ronde",
        ["WebConference"] = "Webconférence",
        ["Workshop"] = "Atelier",
        ["Exhibition"] = "Exposition",
        ["ClassIntervention"] = "Intervention en classe",
        ["VirtualVisit"] = "Visite virtuelle",
        ["Contest"] = "Concours",
        ["Other"] = "Autre",
    };

    public static readonly IReadOnlyDictionary<string, string> Audiences = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["GeneralPublic"] = "Grand public",
        ["Pupils"] = "Collégiens et lycéens",
        ["Students"] = "Étudiants",
        ["JobSeekers"] = "Demandeurs d'emploi",
        ["Teachers"] = "Enseignants",
        ["CareersAdvisers"] = "Conseillers d'orientation et prescripteurs",
        ["Employees"] = "Salariés de l'entreprise (interne)",
        ["Other"] = "Autre public",
    };

    public static readonly IReadOnlyDictionary<string, string> Sectors = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Aeronautics"] = "Aéronautique et spatial",
        ["Automotive"] = "Automobile",
        ["Rail"] = "Ferroviaire",
        ["Naval"] = "Industries de la mer",
        ["Nuclear"] = "Nucléaire",
        ["Energy"] = "Nouveaux systèmes énergétiques",
        ["Chemistry"] = "Chimie et matériaux",
        ["Agrifood"] = "Agroalimentaire",
        ["Wood"] = "Bois",
        ["Fashion"] = "Mode et luxe",
        ["HealthIndustries"] = "Industries et technologies de santé",
        ["MiningAndMetallurgy"] = "Mines et métallurgie",
        ["ConstructionMaterials"] = "Industries pour la construction",
        ["Electronics"] = "Électronique",
        ["Digital"] = "Numérique",
        ["SecurityIndustries"] = "Industries de sécurité",
        ["IndustryOfTheFuture"] = "Solutions industrie du futur",
        ["WasteRecovery"] = "Transformation et valorisation des déchets",
        ["Mechanical"] = "Mécanique",
        ["Other"] = "Autre secteur",
    };

    /// <summary>The French word for a value, or the value itself when the vocabulary does not know it.</summary>
    public static string Label(IReadOnlyDictionary<string, string> vocabulary, string value)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        return vocabulary.GetValueOrDefault(value, value);
    }
}
