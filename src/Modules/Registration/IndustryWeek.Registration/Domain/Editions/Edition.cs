using IndustryWeek.Editions.Contracts;
using IndustryWeek.Shared.PublishedLanguage;

namespace IndustryWeek.Registration.Domain.Editions;

/// <summary>What Registration keeps of an edition, from Editions' notifications (it never reads Editions' tables).</summary>
internal sealed class Edition
{
    private Edition()
    {
    }

    public Guid Id { get; private set; }

    public int Year { get; private set; }

    public EditionStatus Status { get; private set; }

    public EditionSnapshot Snapshot { get; private set; } = null!;

    public DateTime UpdatedAtUtc { get; private set; }

    /// <summary>Organisers prepare events for a published edition (drafts), until it is closed.</summary>
    public bool AcceptsEvents => Status == EditionStatus.Published;

    public bool IsOpenForRegistration(DateOnly today) =>
        Status == EditionStatus.Published && Snapshot.RegistrationOpens <= today && today <= Snapshot.Schedule.RegistrationCloses;

    public DatePeriod EligiblePeriodFor(string? regionCode) => Snapshot.Schedule.EventPeriodFor(regionCode);

    public static Edition From(EditionSnapshot snapshot, DateTime occurredAtUtc) =>
        new() { Id = snapshot.Id, Year = snapshot.Year, Status = snapshot.Status, Snapshot = snapshot, UpdatedAtUtc = occurredAtUtc };

    /// <summary>Keeps the newer state: notifications of one edition may arrive twice, never reordered.</summary>
    public bool Apply(EditionSnapshot snapshot, DateTime occurredAtUtc)
    {
        if (occurredAtUtc < UpdatedAtUtc)
        {
            return false;
        }

        Year = snapshot.Year;
        Status = snapshot.Status;
        Snapshot = snapshot;
        UpdatedAtUtc = occurredAtUtc;
        return true;
    }
}
