namespace IndustryWeek.Shared.PublishedLanguage;

/// <summary>The 18 regions of the official geographic code (COG, INSEE), metropolitan and overseas.</summary>
public static class Regions
{
    public static readonly IReadOnlyDictionary<string, string> ByCode = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["01"] = "Guadeloupe",
        ["02"] = "Martinique",
        ["03"] = "Guyane",
        ["04"] = "La Réunion",
        ["06"] = "Mayotte",
        ["11"] = "Île-de-France",
        ["24"] = "Centre-Val de Loire",
        ["27"] = "Bourgogne-Franche-Comté",
        ["28"] = "Normandie",
        ["32"] = "Hauts-de-France",
        ["44"] = "Grand Est",
        ["52"] = "Pays de la Loire",
        ["53"] = "Bretagne",
        ["75"] = "Nouvelle-Aquitaine",
        ["76"] = "Occitanie",
        ["84"] = "Auvergne-Rhône-Alpes",
        ["93"] = "Provence-Alpes-Côte d'Azur",
        ["94"] = "Corse",
    };

    public static bool IsRegionCode(string? code) => code is not null && ByCode.ContainsKey(code);
}
