using IndustryWeek.Editions.Contracts;
using IndustryWeek.Shared.PublishedLanguage;

namespace IndustryWeek.CommunicationKit.Content;

/// <summary>Everything a kit is built from: the edition, the labelled event and the links to it.</summary>
internal sealed record KitSubject(
    EditionSnapshot Edition,
    Guid EventId,
    string LabelNumber,
    EventDescription Event,
    OrganiserContact Organiser,
    DateTime GrantedAtUtc,
    string PublicPageUrl);
