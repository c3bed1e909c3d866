using IndustryWeek.Shared.PublishedLanguage;

namespace IndustryWeek.Map.Domain;

/// <summary>The public entry of one labelled event on the map; online-only events have no coordinates.</summary>
internal sealed class Pin
{
    private Pin()
    {
    }

    public Guid EventId { get; private set; }

    public Guid EditionId { get; private set; }

    public int EditionYear { get; private set; }

    public int LabelVersion { get; private set; }

    public string LabelNumber { get; private set; } = "";

    public string Title { get; private set; } = "";

    public string Format { get; private set; } = "";

    public List<string> Audiences { get; private set; } = [];

    public List<string> Sectors { get; private set; } = [];

    public List<EventSession> Sessions { get; private set; } = [];

    public string? City { get; private set; }

    public string? PostalCode { get; private set; }

    public string? DepartmentCode { get; private set; }

    public string? RegionCode { get; private set; }

    public double? Latitude { get; private set; }

    public double? Longitude { get; private set; }

    public bool Online { get; private set; }

    public string OrganisationName { get; private set; } = "";

    public DateTime PublishedAtUtc { get; private set; }

    public static Pin Create(Guid eventId) => new() { EventId = eventId };

    /// <summary>Applies a label version; an older or equal version than the one shown changes nothing.</summary>
    public bool Apply(PinDetails details, DateTime nowUtc)
    {
        if (details.LabelVersion <= LabelVersion)
        {
            return false;
        }

        EditionId = details.EditionId;
        EditionYear = details.EditionYear;
        LabelVersion = details.LabelVersion;
        LabelNumber = details.LabelNumber;
        Title = details.Title;
        Format = details.Format;
        Audiences = [.. details.Audiences];
        Sectors = [.. details.Sectors];
        Sessions = [.. details.Sessions.OrderBy(s => s.Start)];
        City = details.Location.City;
        PostalCode = details.Location.PostalCode;
        DepartmentCode = details.Location.DepartmentCode;
        RegionCode = details.Location.RegionCode;
        Latitude = details.Location.Mode == LocationMode.Online ? null : details.Location.Latitude;
        Longitude = details.Location.Mode == LocationMode.Online ? null : details.Location.Longitude;
        Online = details.Location.Mode != LocationMode.OnSite;
        OrganisationName = details.OrganisationName;
        PublishedAtUtc = nowUtc;
        return true;
    }
}

internal sealed record PinDetails(
    Guid EditionId,
    int EditionYear,
    int LabelVersion,
    string LabelNumber,
    string Title,
    string Format,
    IReadOnlyList<string> Audiences,
    IReadOnlyList<string> Sectors,
    IReadOnlyList<EventSession> Sessions,
    EventLocation Location,
    string OrganisationName);
