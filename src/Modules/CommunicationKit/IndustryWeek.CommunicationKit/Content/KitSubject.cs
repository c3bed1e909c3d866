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
    string PublicPageUrl)
{
    /// <summary>The address printed on the poster: short (/e/{label number}, redirected to the public page), never cut in the middle of an id.</summary>
    public string ShortUrl => new Uri(new Uri(PublicPageUrl), "../e/" + LabelNumber).ToString();
}
