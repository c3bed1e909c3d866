using System.Text.Json.Serialization;
using IndustryWeek.Shared.PublishedLanguage;

namespace IndustryWeek.Registration.Domain.Events;

/// <summary>Everything an organiser describes of an event, already checked (COG codes derived from the postal code).</summary>
internal sealed record EventDetails
{
    public required string Title { get; init; }

    public required string Description { get; init; }

    public required EventFormat Format { get; init; }

    public required IReadOnlyList<Audience> Audiences { get; init; }

    public required IReadOnlyList<IndustrySector> Sectors { get; init; }

    public required IReadOnlyList<string> Topics { get; init; }

    /// <summary>Europe/Paris wall-clock times, in chronological order.</summary>
    public required IReadOnlyList<EventSession> Sessions { get; init; }

    public required EventLocation Location { get; init; }

    public required bool IsFree { get; init; }

    public required EventBooking Booking { get; init; }

    public required EventContact PublicContact { get; init; }

    public required bool Accessible { get; init; }

    public required bool AboutIndustry { get; init; }

    /// <summary>
    /// What a moderator judged when labelling: a change of dates, place, price or audiences sends a
    /// labelled event back to review; the rest (wording, contact, booking) goes straight to the map.
    /// </summary>
    public bool NeedsReviewComparedTo(EventDetails labelled) =>
        !Sessions.SequenceEqual(labelled.Sessions)
        || Location != labelled.Location
        || IsFree != labelled.IsFree
        || !Audiences.Order().SequenceEqual(labelled.Audiences.Order());

    public EventDescription ToDescription() => new()
    {
        Title = Title,
        Description = Description,
        Format = Format.ToString(),
        Audiences = [.. Audiences.Select(a => a.ToString())],
        Sectors = [.. Sectors.Select(s => s.ToString())],
        Topics = Topics,
        Sessions = Sessions,
        Location = Location,
        IsFree = IsFree,
        Booking = Booking,
        PublicContact = PublicContact,
        Accessible = Accessible,
        AboutIndustry = AboutIndustry,
    };

    [JsonIgnore]
    public DateTime FirstStart => Sessions.Min(s => s.Start);

    [JsonIgnore]
    public DateTime LastEnd => Sessions.Max(s => s.End);
}

/// <summary>What the organiser reported after the event.</summary>
internal sealed record ParticipationReport(int Participants, int? YoungPeople, int? JobSeekers, int? Teachers, DateTime ReportedAtUtc);

/// <summary>
/// The latest mail of the current label's kit: Queued, Sent, Failed with the reason (retried while
/// <paramref name="WillRetry"/>) or Cancelled; <paramref name="Downloadable"/> once one was sent.
/// </summary>
internal sealed record KitStatus(int LabelVersion, string Status, string? Error, int Attempts, DateTime AtUtc, bool WillRetry = false, bool Downloadable = false);
