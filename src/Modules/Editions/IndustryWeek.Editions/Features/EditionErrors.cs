using IndustryWeek.Shared.Domain;

namespace IndustryWeek.Editions.Features;

internal static class EditionErrors
{
    public static readonly Error NotFound = Error.NotFound("edition.not_found", "Cette édition n'existe pas.");
}
