using System.Globalization;
using IndustryWeek.Registration.Domain.Places;
using IndustryWeek.Registration.Features.Events;
using IndustryWeek.Shared.PublishedLanguage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IndustryWeek.Registration.Features.OrganiserSpace;

/// <summary>One row of the form's sessions: a day, a start and an end time, and an end day when it runs past midnight.</summary>
internal sealed class SessionInput
{
    public string? Date { get; set; }

    public string? StartTime { get; set; }

    public string? EndTime { get; set; }

    public string? EndDate { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Date) && string.IsNullOrWhiteSpace(StartTime) && string.IsNullOrWhiteSpace(EndTime) && string.IsNullOrWhiteSpace(EndDate);
}

/// <summary>The event form (new and edit pages): fields as people type them, turned into the API's fields.</summary>
internal abstract class EventFormPageModel(CommuneDirectory communes) : PageModel
{
    public const int BlankSessionRows = 2;

    /// <summary>The form's fields in the order it shows them (a session's own fields after « Sessions »): the error summary's order.</summary>
    public static readonly IReadOnlyList<string> FieldOrder =
    [
        "Title", "Description", "Format", "Audiences", "Sectors", "Topics", "Sessions", "Date", "StartTime", "EndTime", "EndDate",
        "Mode", "Street", "PostalCode", "InseeCode", "Latitude", "Longitude", "OnlineUrl",
        "IsFree", "BookingRequired", "BookingUrl", "BookingCapacity", "ContactEmail", "ContactPhone", "Accessible", "AboutIndustry",
    ];

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public string? Format { get; set; }

    [BindProperty]
    public List<string> Audiences { get; set; } = [];

    [BindProperty]
    public List<string> Sectors { get; set; } = [];

    [BindProperty]
    public List<string> Topics { get; set; } = [];

    [BindProperty]
    public List<SessionInput> Sessions { get; set; } = [];

    [BindProperty]
    public string? Mode { get; set; } = nameof(LocationMode.OnSite);

    [BindProperty]
    public string? Street { get; set; }

    [BindProperty]
    public string? PostalCode { get; set; }

    [BindProperty]
    public string? InseeCode { get; set; }

    [BindProperty]
    public string? Latitude { get; set; }

    [BindProperty]
    public string? Longitude { get; set; }

    [BindProperty]
    public string? OnlineUrl { get; set; }

    [BindProperty]
    public string? IsFree { get; set; }

    [BindProperty]
    public bool BookingRequired { get; set; }

    [BindProperty]
    public string? BookingUrl { get; set; }

    [BindProperty]
    public string? BookingCapacity { get; set; }

    [BindProperty]
    public string? ContactEmail { get; set; }

    [BindProperty]
    public string? ContactPhone { get; set; }

    [BindProperty]
    public bool Accessible { get; set; }

    [BindProperty]
    public bool AboutIndustry { get; set; }

    public EventEditionDto? Edition { get; protected set; }

    /// <summary>The communes of the typed postal code, for the commune list (filled again by the page's script when the code changes).</summary>
    public IReadOnlyList<Commune> Communes => PostalCode is { Length: 5 } code ? communes.ByPostalCode(code) : [];

    // Which form row each command session came from (blank rows are left out of the command).
    private readonly List<int> _sessionRows = [];

    /// <summary>The fields of the API, from the form.</summary>
    protected T ToFields<T>(T empty)
        where T : EventFields
    {
        _sessionRows.Clear();
        var sessions = new List<SessionFields>();
        for (var row = 0; row < Sessions.Count; row++)
        {
            var input = Sessions[row];
            if (input.IsBlank)
            {
                continue;
            }

            _sessionRows.Add(row);
            sessions.Add(new SessionFields
            {
                Start = $"{input.Date?.Trim()}T{input.StartTime?.Trim()}",
                End = $"{(string.IsNullOrWhiteSpace(input.EndDate) ? input.Date : input.EndDate)?.Trim()}T{input.EndTime?.Trim()}",
            });
        }

        return empty with
        {
            Title = Title,
            Description = Description,
            Format = Format,
            Audiences = Audiences,
            Sectors = Sectors,
            Topics = Topics,
            Sessions = sessions,
            Location = new LocationFields
            {
                Mode = Mode,
                Street = Street,
                PostalCode = PostalCode?.Trim(),
                InseeCode = string.IsNullOrWhiteSpace(InseeCode) ? null : InseeCode,
                Latitude = Coordinate(Latitude),
                Longitude = Coordinate(Longitude),
                OnlineUrl = OnlineUrl,
            },
            IsFree = IsFree switch { "true" => true, "false" => false, _ => null },
            Booking = new BookingFields
            {
                Required = BookingRequired,
                Url = BookingUrl,
                Capacity = int.TryParse(BookingCapacity, NumberStyles.Integer, CultureInfo.InvariantCulture, out var capacity) ? capacity : null,
            },
            PublicContact = new PublicContactFields { Email = ContactEmail, Phone = ContactPhone },
            Accessible = Accessible,
            AboutIndustry = AboutIndustry,
        };
    }

    /// <summary>Where a command failure is shown on the form.</summary>
    protected string FieldKey(string property)
    {
        if (property.StartsWith("Sessions[", StringComparison.Ordinal))
        {
            var close = property.IndexOf(']', StringComparison.Ordinal);
            var index = int.Parse(property[9..close], CultureInfo.InvariantCulture);
            var row = index < _sessionRows.Count ? _sessionRows[index] : index;
            return property.EndsWith(".End", StringComparison.Ordinal) ? $"Sessions[{row}].EndTime" : $"Sessions[{row}].Date";
        }

        return property switch
        {
            "Sessions" => "Sessions",
            "Location" or "Location.Mode" => "Mode",
            "Location.City" or "Location.InseeCode" => "InseeCode",
            "Booking.Url" => "BookingUrl",
            "Booking.Capacity" => "BookingCapacity",
            "PublicContact.Email" => "ContactEmail",
            "PublicContact.Phone" => "ContactPhone",
            "Booking" => "BookingRequired",
            _ when property.StartsWith("Location.", StringComparison.Ordinal) => property["Location.".Length..],
            _ when property.StartsWith("Topics[", StringComparison.Ordinal) => "Topics",
            _ when property.StartsWith("Audiences[", StringComparison.Ordinal) => "Audiences",
            _ when property.StartsWith("Sectors[", StringComparison.Ordinal) => "Sectors",
            _ => property,
        };
    }

    /// <summary>The form, filled with an event as it is.</summary>
    protected void Fill(EventDto e)
    {
        (Title, Description, Format) = (e.Title, e.Description, e.Format);
        (Audiences, Sectors, Topics) = ([.. e.Audiences], [.. e.Sectors], [.. e.Topics]);
        Sessions = [.. e.Sessions.Select(s => new SessionInput
        {
            Date = s.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            StartTime = s.Start.ToString("HH:mm", CultureInfo.InvariantCulture),
            EndTime = s.End.ToString("HH:mm", CultureInfo.InvariantCulture),
            EndDate = s.End.Date == s.Start.Date ? null : s.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        })];
        Mode = e.Location.Mode.ToString();
        (Street, PostalCode, InseeCode, OnlineUrl) = (e.Location.Street, e.Location.PostalCode, e.Location.InseeCode, e.Location.OnlineUrl);
        Latitude = e.Location.Latitude?.ToString(CultureInfo.InvariantCulture);
        Longitude = e.Location.Longitude?.ToString(CultureInfo.InvariantCulture);
        IsFree = e.IsFree ? "true" : "false";
        (BookingRequired, BookingUrl, BookingCapacity) = (e.Booking.Required, e.Booking.Url, e.Booking.Capacity?.ToString(CultureInfo.InvariantCulture));
        (ContactEmail, ContactPhone, Accessible, AboutIndustry) = (e.PublicContact.Email, e.PublicContact.Phone, e.Accessible, e.AboutIndustry);
    }

    /// <summary>Room for more sessions than the event has (blank rows are ignored); rows keep their place, so errors stay under theirs.</summary>
    protected void AddBlankSessionRows()
    {
        while (Sessions.Count(s => s.IsBlank) < BlankSessionRows && Sessions.Count < EventFieldsValidator.MaxSessions)
        {
            Sessions.Add(new SessionInput());
        }
    }

    /// <summary>« 50,357 » as typed in French, or « 50.357 ».</summary>
    private static double? Coordinate(string? typed) =>
        double.TryParse(typed?.Trim().Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;
}
