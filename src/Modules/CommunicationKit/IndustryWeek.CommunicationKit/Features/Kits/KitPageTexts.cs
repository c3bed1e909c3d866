using IndustryWeek.Shared.Time;

namespace IndustryWeek.CommunicationKit.Features.Kits;

/// <summary>How the kit pages say a delivery's reason and status in French.</summary>
internal static class KitPageTexts
{
    public static string Reason(string reason) => reason switch
    {
        "Granted" => "Labellisation",
        "Updated" => "Événement modifié",
        "Resend" => "Nouvel envoi demandé",
        "Reinstated" => "Label rétabli",
        _ => reason,
    };

    public static string Status(KitDeliveryDto delivery) => delivery switch
    {
        { Status: "Sent" } => "Envoyé",
        { Status: "Queued" } => "En préparation",
        { Status: "Failed", WillRetry: true } => "Échec, nouvel essai automatique",
        { Status: "Failed" } => "Échec",
        { Status: "Cancelled" } => "Annulé (label retiré)",
        _ => delivery.Status,
    };

    public static string Badge(KitDeliveryDto delivery) => delivery.Status switch
    {
        "Sent" => "fr-badge--success",
        "Failed" => "fr-badge--error",
        "Cancelled" => "fr-badge--warning",
        _ => "fr-badge--info",
    };

    /// <summary>« 16 novembre 2020, 9 h 05 » in Paris time.</summary>
    public static string At(DateTime utc)
    {
        var paris = ParisTime.FromUtc(utc);
        return $"{ParisTime.FormatDate(DateOnly.FromDateTime(paris))}, {ParisTime.FormatTime(TimeOnly.FromDateTime(paris))}";
    }
}
