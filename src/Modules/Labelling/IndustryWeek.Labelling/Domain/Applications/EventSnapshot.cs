using IndustryWeek.Shared.PublishedLanguage;

namespace IndustryWeek.Labelling.Domain.Applications;

/// <summary>The event as the organiser submitted it: what the moderator judges and what a label is granted for.</summary>
internal sealed record EventSnapshot(EventDescription Event, OrganiserContact Organiser);
