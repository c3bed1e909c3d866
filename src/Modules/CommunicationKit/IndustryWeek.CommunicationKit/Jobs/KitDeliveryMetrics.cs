using System.Diagnostics.Metrics;
using IndustryWeek.CommunicationKit.Domain;
using IndustryWeek.Shared.Observability;

namespace IndustryWeek.CommunicationKit.Jobs;

/// <summary>
/// Kit mails sent and failed, as counters of the platform's meter (exported only when the host exports metrics):
/// an SMTP outage shows as failures climbing while nothing is sent. A failed attempt that will be retried counts too.
/// </summary>
internal sealed class KitDeliveryMetrics
{
    private readonly Counter<long> _sent;
    private readonly Counter<long> _failed;

    public KitDeliveryMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(PlatformTelemetry.Name);
        _sent = meter.CreateCounter<long>(PlatformTelemetry.KitDeliveriesSentMetric, "{mail}", "Kit mails sent to organisers");
        _failed = meter.CreateCounter<long>(PlatformTelemetry.KitDeliveriesFailedMetric, "{attempt}", "Kit mail attempts that failed (retried or not)");
    }

    public void Sent(DeliveryReason reason) => _sent.Add(1, new KeyValuePair<string, object?>("reason", reason.ToString()));

    public void Failed(DeliveryReason reason, bool willRetry) =>
        _failed.Add(1, new KeyValuePair<string, object?>("reason", reason.ToString()), new KeyValuePair<string, object?>("will_retry", willRetry));
}
