using IndustryWeek.Shared.PublishedLanguage;

namespace IndustryWeek.Map.Domain;

/// <summary>
/// The public entry of one labelled event: everything the map, the list and the event's public page
/// show. Online-only events have no coordinates. Written only by the publication job, from the
/// <see cref="EventRecord"/>; removed when the event leaves the map.
/// </summary>
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

    /// <summary>The <see cref="EventRecord.Version"/> shown (0 for a pin published before records existed). Concurrency token.</summary>
    public int RecordVersion { get; private set; }

    public string Title { get; private set; } = "";

    public string Description { get; private set; } = "";

    public string Format { get; private set; } = "";

    public List<string> Audiences { get; private set; } = [];

    public List<string> Sectors { get; private set; } = [];

    public List<string> Topics { get; private set; } = [];

    /// <summary>Europe/Paris wall-clock times, by start.</summary>
    public List<EventSession> Sessions { get; private set; } = [];

    public LocationMode Mode { get; private set; }

    public string? Street { get; private set; }

    public string? PostalCode { get; private set; }

    public string? City { get; private set; }

    public string? InseeCode { get; private set; }

    public string? DepartmentCode { get; private set; }

    public string? RegionCode { get; private set; }

    public double? Latitude { get; private set; }

    public double? Longitude { get; private set; }

    public string? OnlineUrl { get; private set; }

    /// <summary>The event has an online part (online or hybrid).</summary>
    public bool Online { get; private set; }

    public bool IsFree { get; private set; }

    public bool BookingRequired { get; private set; }

    public string? BookingUrl { get; private set; }

    public int? BookingCapacity { get; private set; }

    public string? ContactEmail { get; private set; }

    public string? ContactPhone { get; private set; }

    public bool Accessible { get; private set; }

    public string OrganisationName { get; private set; } = "";

    public DateTime PublishedAtUtc { get; private set; }

    public static Pin Create(Guid eventId) => new() { EventId = eventId };

    /// <summary>Shows a recorded state of the event; one already shown (or older) changes nothing.</summary>
    public bool Apply(PinDetails details, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (details.RecordVersion <= RecordVersion)
        {
            return false;
        }

        var e = details.Event;
        var location = e.Location;
        var online = location.Mode == LocationMode.Online;
        EditionId = details.EditionId;
        EditionYear = details.EditionYear;
        LabelVersion = details.LabelVersion;
        LabelNumber = details.LabelNumber;
        RecordVersion = details.RecordVersion;
        Title = e.Title;
        Description = e.Description;
        Format = e.Format;
        Audiences = [.. e.Audiences];
        Sectors = [.. e.Sectors];
        Topics = [.. e.Topics];
        Sessions = [.. e.Sessions.OrderBy(s => s.Start)];
        Mode = location.Mode;
        Street = location.Street;
        PostalCode = location.PostalCode;
        City = location.City;
        InseeCode = location.InseeCode;
        DepartmentCode = location.DepartmentCode;
        RegionCode = location.RegionCode;
        Latitude = online ? null : location.Latitude; // an online event is not placed, whatever a draft left
        Longitude = online ? null : location.Longitude;
        OnlineUrl = location.Mode == LocationMode.OnSite ? null : location.OnlineUrl;
        Online = location.Mode != LocationMode.OnSite;
        IsFree = e.IsFree;
        BookingRequired = e.Booking.Required;
        BookingUrl = e.Booking.Url;
        BookingCapacity = e.Booking.Capacity;
        ContactEmail = e.PublicContact.Email;
        ContactPhone = e.PublicContact.Phone;
        Accessible = e.Accessible;
        OrganisationName = details.OrganisationName;
        PublishedAtUtc = nowUtc;
        return true;
    }

    /// <summary>The event as this pin shows it (for a pin published before records existed).</summary>
    public EventDescription ToDescription() => new()
    {
        Title = Title,
        Description = Description,
        Format = Format,
        Audiences = [.. Audiences],
        Sectors = [.. Sectors],
        Topics = [.. Topics],
        Sessions = [.. Sessions],
        Location = new EventLocation
        {
            Mode = Mode,
            Street = Street,
            PostalCode = PostalCode,
            City = City,
            InseeCode = InseeCode,
            DepartmentCode = DepartmentCode,
            RegionCode = RegionCode,
            Latitude = Latitude,
            Longitude = Longitude,
            OnlineUrl = OnlineUrl,
        },
        IsFree = IsFree,
        Booking = new EventBooking(BookingRequired, BookingUrl, BookingCapacity),
        PublicContact = new EventContact(ContactEmail, ContactPhone),
        Accessible = Accessible,
        AboutIndustry = true,
    };
}

/// <summary>What a pin shows: a recorded state of a listed event.</summary>
internal sealed record PinDetails(
    Guid EditionId,
    int EditionYear,
    int LabelVersion,
    string LabelNumber,
    int RecordVersion,
    EventDescription Event,
    string OrganisationName)
{
    public static PinDetails From(EventRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!record.Listed || record.Event is null)
        {
            throw new InvalidOperationException($"Event {record.EventId} is not listed.");
        }

        return new PinDetails(record.EditionId, record.EditionYear, record.LabelVersion, record.LabelNumber ?? "", record.Version, record.Event, record.OrganisationName ?? "");
    }
}
