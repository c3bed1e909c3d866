namespace IndustryWeek.Registration.Features.OrganiserSpace;

/// <summary>The four criteria's names as organisers read them (Labelling sends their codes).</summary>
internal static class CriterionNames
{
    public static string Of(string criterion) => criterion switch
    {
        "PlaceAndPeriod" => "En France, pendant la période de l'édition",
        "OpenToPublic" => "Ouvert au public",
        "AboutIndustry" => "Fait découvrir l'industrie",
        "FreeOfCharge" => "Gratuit",
        _ => criterion,
    };
}
