using IndustryWeek.Shared.PublishedLanguage;
using MediatR;

namespace IndustryWeek.Registration.Contracts;

/// <summary>After a labelled event, how many people came (a newer report replaces an older one).</summary>
public sealed record ParticipationReported : INotification
{
    public required Guid EventId { get; init; }

    public required Guid EditionId { get; init; }

    public required int EditionYear { get; init; }

    public string? LabelNumber { get; init; }

    public string? RegionCode { get; init; }

    public string? DepartmentCode { get; init; }

    public required string Format { get; init; }

    public required int Participants { get; init; }

    public int? YoungPeople { get; init; }

    public int? JobSeekers { get; init; }

    public int? Teachers { get; init; }

    public required OrganiserContact Organiser { get; init; }

    public required DateTime ReportedAtUtc { get; init; }
}
