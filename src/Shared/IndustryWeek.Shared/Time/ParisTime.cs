using System.Globalization;

namespace IndustryWeek.Shared.Time;

/// <summary>Event dates are Europe/Paris local dates and times; instants are stored in UTC.</summary>
public static class ParisTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public static DateTime ToParis(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    /// <summary>The Paris wall-clock time of an instant stored as a UTC <see cref="DateTime"/> (its kind may be lost by the database).</summary>
    public static DateTime FromUtc(DateTime utc) => ToParis(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));

    public static DateOnly TodayInParis(this TimeProvider time) => DateOnly.FromDateTime(ToParis(time.GetUtcNow()));

    /// <summary>The UTC instant of a Paris wall-clock time (an ambiguous autumn hour resolves to its first occurrence).</summary>
    public static DateTimeOffset ToInstant(DateTime parisLocal)
    {
        var local = DateTime.SpecifyKind(parisLocal, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            local = local.AddHours(1); // the spring-forward gap: 2 h 30 does not exist, 3 h 30 does
        }

        var offset = Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max() : Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>« 16 novembre 2020 », « 1er avril 2018 ».</summary>
    public static string FormatDate(DateOnly date) =>
        (date.Day == 1 ? "1er" : date.Day.ToString(CultureInfo.InvariantCulture))
        + " " + date.ToString("MMMM yyyy", French);

    /// <summary>« lundi 16 novembre 2020 ».</summary>
    public static string FormatDayAndDate(DateOnly date) => date.ToString("dddd", French) + " " + FormatDate(date);

    /// <summary>« 9 h 00 », « 14 h 30 ».</summary>
    public static string FormatTime(TimeOnly time) =>
        string.Create(CultureInfo.InvariantCulture, $"{time.Hour} h {time.Minute:00}");

    /// <summary>« lundi 16 novembre 2020, 9 h 00 – 12 h 00 », or « du … au … » across days.</summary>
    public static string FormatSession(DateTime start, DateTime end)
    {
        var startDate = DateOnly.FromDateTime(start);
        var endDate = DateOnly.FromDateTime(end);
        return startDate == endDate
            ? $"{FormatDayAndDate(startDate)}, {FormatTime(TimeOnly.FromDateTime(start))} – {FormatTime(TimeOnly.FromDateTime(end))}"
            : $"du {FormatDayAndDate(startDate)}, {FormatTime(TimeOnly.FromDateTime(start))} au {FormatDayAndDate(endDate)}, {FormatTime(TimeOnly.FromDateTime(end))}";
    }
}
