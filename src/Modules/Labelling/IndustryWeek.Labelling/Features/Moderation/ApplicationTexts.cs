using IndustryWeek.Labelling.Domain.Applications;

namespace IndustryWeek.Labelling.Features.Moderation;

/// <summary>The audit trail's words.</summary>
internal static class ApplicationTexts
{
    public static string Decision(string kind) => Enum.TryParse<DecisionKind>(kind, out var k) ? k switch
    {
        DecisionKind.Submitted => "Soumis",
        DecisionKind.Resubmitted => "Soumis de nouveau",
        DecisionKind.ChangedByOrganiser => "Modifié par l'organisateur",
        DecisionKind.Granted => "Label attribué",
        DecisionKind.Refused => "Label refusé",
        DecisionKind.ChangesRequested => "Modifications demandées",
        DecisionKind.Revoked => "Label retiré",
        DecisionKind.Suspended => "Label suspendu",
        DecisionKind.Reinstated => "Label rétabli",
        DecisionKind.Closed => "Retiré ou annulé par l'organisateur",
        _ => kind,
    } : kind;
}
