using IndustryWeek.Shared.Domain;

namespace IndustryWeek.Labelling.Domain.Applications;

internal enum ApplicationStatus
{
    Pending,
    Granted,
}

/// <summary>One labelling application per submitted event; its id is the event's id.</summary>
internal sealed class LabellingApplication : AggregateRoot<Guid>
{
    private LabellingApplication()
    {
    }

    public Guid EditionId { get; private set; }

    public int EditionYear { get; private set; }

    /// <summary>The event's region (COG code); null for an online-only event, which national moderators handle.</summary>
    public string? RegionCode { get; private set; }

    public ApplicationStatus Status { get; private set; }

    public int SubmissionNumber { get; private set; }

    public EventSnapshot Snapshot { get; private set; } = null!;

    public DateTime SubmittedAtUtc { get; private set; }

    public string? LabelNumber { get; private set; }

    /// <summary>0 until granted; each grant of new details increments it.</summary>
    public int LabelVersion { get; private set; }

    public DateTime? GrantedAtUtc { get; private set; }

    public string? GrantedBy { get; private set; }

    public string? GrantComment { get; private set; }

    /// <summary>Optimistic concurrency: two moderators deciding at once cannot both win.</summary>
    public int Revision { get; private set; }

    public static LabellingApplication Open(Guid eventId, Guid editionId, int editionYear, int submissionNumber, EventSnapshot snapshot, DateTime submittedAtUtc) => new()
    {
        Id = eventId,
        EditionId = editionId,
        EditionYear = editionYear,
        SubmissionNumber = submissionNumber,
        Snapshot = snapshot,
        RegionCode = snapshot.Event.Location.RegionCode,
        SubmittedAtUtc = submittedAtUtc,
        Status = ApplicationStatus.Pending,
    };

    /// <summary>Takes a newer submission into account; an older or repeated one changes nothing.</summary>
    public bool Resubmit(int submissionNumber, EventSnapshot snapshot, DateTime submittedAtUtc)
    {
        if (submissionNumber <= SubmissionNumber)
        {
            return false;
        }

        SubmissionNumber = submissionNumber;
        Snapshot = snapshot;
        RegionCode = snapshot.Event.Location.RegionCode;
        SubmittedAtUtc = submittedAtUtc;
        Status = ApplicationStatus.Pending;
        Revision++;
        return true;
    }

    public Error? CheckCanBeGranted() => Status switch
    {
        ApplicationStatus.Granted => Error.Conflict("application.already_granted", $"Cet événement est déjà labellisé ({LabelNumber})."),
        _ => null,
    };

    public void Grant(string labelNumber, string grantedBy, string? comment, DateTime nowUtc)
    {
        if (CheckCanBeGranted() is { } error)
        {
            throw new InvalidOperationException(error.Message);
        }

        // A label number, once given to an event, stays its own.
        LabelNumber ??= labelNumber;
        LabelVersion++;
        Status = ApplicationStatus.Granted;
        GrantedAtUtc = nowUtc;
        GrantedBy = grantedBy;
        GrantComment = comment;
        Revision++;
        Raise(new LabelGrantedDomainEvent(this));
    }
}

internal sealed record LabelGrantedDomainEvent(LabellingApplication Application) : IDomainEvent;
