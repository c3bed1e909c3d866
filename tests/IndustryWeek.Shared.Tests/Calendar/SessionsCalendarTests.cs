using System.Globalization;
using System.Text;
using IndustryWeek.Shared.Calendar;
using IndustryWeek.Shared.PublishedLanguage;

namespace IndustryWeek.Shared.Tests.Calendar;

/// <summary>
/// What a calendar application reads in the platform's .ics files, written by Ical.Net (RFC 5545): line ends, folding
/// without cutting a character, escaping, Paris wall-clock times with their VTIMEZONE.
/// </summary>
public sealed class SessionsCalendarTests
{
    private static readonly DateTime StampUtc = new(2020, 10, 20, 13, 30, 0, DateTimeKind.Utc);

    /// <summary>Refuses a lone surrogate or a cut sequence instead of replacing it with « ? ».</summary>
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private const string LongFrenchText =
        "Découverte de l'aciérie « Aciéries du Nord » 🏭 : hauts fourneaux, coulée continue, laminoir à chaud. "
        + "Événement labellisé Semaine de l'industrie 2020 – thème « Inventer un avenir durable » ✨. "
        + "Rencontrez les opérateurs, les ingénieures et les apprentis ; posez vos questions sur les métiers, "
        + "les formations et l'orientation. Équipements de protection fournis à l'accueil 👷‍♀️.";

    private static CalendarEntry Visit(string uid = "5a1e0000202040008000000000000123-1@semaine-industrie", string summary = "Visite de l'usine de Lille") =>
        new(uid, summary, new EventSession(new DateTime(2020, 11, 16, 9, 0, 0), new DateTime(2020, 11, 16, 12, 0, 0)))
        {
            Description = "Découverte des hauts fourneaux et des métiers de la sidérurgie.",
            Location = "12 rue de l'Usine, 59000 Lille",
            Url = "https://semaine-industrie.example.fr/evenements/5a1e0000-2020-4000-8000-000000000123",
            Latitude = 50.62925,
            Longitude = 3.057256,
        };

    private static string Write(params CalendarEntry[] entries) => SessionsCalendar.Write(entries, StampUtc, "Visite de l'usine de Lille");

    /// <summary>RFC 5545 §3.1: a CRLF followed by one space is removed to unfold.</summary>
    private static string Unfold(string ics) => ics.Replace("\r\n ", "", StringComparison.Ordinal);

    private static string[] UnfoldedLines(string ics) =>
        Unfold(ics).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

    private static string ValueOf(string ics, string property) =>
        UnfoldedLines(ics).Single(l => l.StartsWith(property + ":", StringComparison.Ordinal))[(property.Length + 1)..];

    private static string Unescape(string text) => text
        .Replace("\\n", "\n", StringComparison.Ordinal)
        .Replace("\\,", ",", StringComparison.Ordinal)
        .Replace("\\;", ";", StringComparison.Ordinal)
        .Replace("\\\\", "\\", StringComparison.Ordinal);

    /// <summary>The lines of one observance (DAYLIGHT or STANDARD) of a VTIMEZONE.</summary>
    private static List<string> Observance(List<string> zone, string name) =>
        [.. zone.SkipWhile(l => l != $"BEGIN:{name}").Skip(1).TakeWhile(l => l != $"END:{name}")];

    /// <summary>An RRULE's parts, in any order (FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU).</summary>
    private static string[] RuleParts(List<string> observance) =>
        [.. observance.Single(l => l.StartsWith("RRULE:", StringComparison.Ordinal))["RRULE:".Length..].Split(';').Order(StringComparer.Ordinal)];

    /// <summary>The physical lines as octets, split at CRLF.</summary>
    private static List<byte[]> PhysicalLines(string ics)
    {
        var bytes = StrictUtf8.GetBytes(ics);
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i < bytes.Length - 1; i++)
        {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n')
            {
                lines.Add(bytes[start..i]);
                start = i + 2;
                i++;
            }
        }

        Assert.Equal(bytes.Length, start);
        return lines;
    }

    [Fact]
    public void Write_WhenCalendarIsWritten_EndsEveryLineWithCrlf()
    {
        var ics = Write(Visit() with { Description = "Première ligne\nDeuxième ligne\r\nTroisième ligne\rQuatrième" });

        Assert.EndsWith("END:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.Contains("VERSION:2.0", UnfoldedLines(ics));
        Assert.Equal("Première ligne\nDeuxième ligne\nTroisième ligne\nQuatrième", Unescape(ValueOf(ics, "DESCRIPTION")).ReplaceLineEndings("\n"));
        Assert.DoesNotContain("\n", ics.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("\r", ics.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_WhenValuesAreLong_KeepsEveryPhysicalLineWithin75OctetsAndStartsContinuationsWithASpace()
    {
        var ics = Write(Visit(summary: "Journée portes ouvertes des Aciéries du Nord : forge, fonderie, usinage de précision et robotique")
            with { Description = LongFrenchText, Location = string.Concat(Enumerable.Repeat("Zone industrielle portuaire, bâtiment Événements, ", 4)) });

        var lines = PhysicalLines(ics);

        Assert.All(lines, line => Assert.InRange(line.Length, 1, 75));
        Assert.Contains(lines, line => line.Length == 75);
        // A physical line either starts a property (« NAME: », « NAME;PARAM= ») or goes on with the previous one after a space.
        var text = lines.Select(l => Encoding.UTF8.GetString(l)).ToList();
        Assert.Contains(text, line => line.StartsWith(' '));
        Assert.All(text, line => Assert.Matches(@"^( |[A-Z][A-Z-]*[:;])", line));
        Assert.All(UnfoldedLines(ics), line => Assert.Matches(@"^[A-Z][A-Z-]*[:;]", line));
    }

    [Fact]
    public void Write_WhenFolded_UnfoldingGivesBackTheOriginalValues()
    {
        const string summary = "Journée portes ouvertes des Aciéries du Nord : forge, fonderie, usinage de précision et robotique";
        var location = string.Concat(Enumerable.Repeat("Zone industrielle portuaire, bâtiment Événements; quai n° 3, ", 3)).TrimEnd();

        var ics = Write(Visit(summary: summary) with { Description = LongFrenchText, Location = location });

        Assert.Equal(summary, Unescape(ValueOf(ics, "SUMMARY")));
        Assert.Equal(LongFrenchText, Unescape(ValueOf(ics, "DESCRIPTION")));
        Assert.Equal(location, Unescape(ValueOf(ics, "LOCATION")));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Write_WhenFrenchTextWithAccentsGuillemetsAndEmojiIsFolded_NeverSplitsAUtf8Sequence(int shift)
    {
        // Shifting the text by a few octets puts every fold at another place inside « é », « « », « 🏭 »…
        var description = new string('x', shift) + LongFrenchText + " " + LongFrenchText;

        var ics = Write(Visit() with { Description = description, Location = new string('y', shift) + "Aciéries du Nord « site historique » 🏭, Lille" });

        // Every physical line is valid UTF-8 on its own: no line ends or starts inside a character.
        Assert.All(PhysicalLines(ics), line => StrictUtf8.GetString(line));
        Assert.All(PhysicalLines(ics), line => Assert.True(line.Length <= 75, $"{line.Length} octets: {Encoding.UTF8.GetString(line)}"));
        Assert.Equal(description, Unescape(ValueOf(ics, "DESCRIPTION")));
    }

    [Fact]
    public void Write_WhenTextHasBackslashSemicolonCommaAndNewlines_EscapesThemInSummaryDescriptionAndLocation()
    {
        var entry = Visit(summary: @"Forge, fonderie; usinage \ robotique") with
        {
            Description = "Programme :\n– accueil, café;\r\n– visite \\ atelier",
            Location = "Bâtiment B, porte 3; 12 rue de l'Usine\n59000 Lille",
        };

        var ics = Write(entry);

        Assert.Equal(@"Forge\, fonderie\; usinage \\ robotique", ValueOf(ics, "SUMMARY"));
        Assert.Equal(@"Programme :\n– accueil\, café\;\n– visite \\ atelier", ValueOf(ics, "DESCRIPTION"));
        Assert.Equal(@"Bâtiment B\, porte 3\; 12 rue de l'Usine\n59000 Lille", ValueOf(ics, "LOCATION"));
    }

    [Fact]
    public void Write_WhenCalendarNameHasACommaOrSemicolon_EscapesIt()
    {
        var ics = SessionsCalendar.Write([Visit()], StampUtc, "Forge, fonderie; usinage");

        Assert.Equal(@"Forge\, fonderie\; usinage", ValueOf(ics, "X-WR-CALNAME"));
    }

    [Fact]
    public void Write_WhenSessionIsInWinterTime_GivesParisWallClockTimesWithTheirZone()
    {
        var ics = Write(Visit());

        var lines = UnfoldedLines(ics);
        Assert.Contains("DTSTART;TZID=Europe/Paris:20201116T090000", lines);
        Assert.Contains("DTEND;TZID=Europe/Paris:20201116T120000", lines);
    }

    [Fact]
    public void Write_WhenSessionIsInSummerTime_KeepsTheWallClockTimeWithoutShiftingIt()
    {
        var entry = Visit() with { Session = new EventSession(new DateTime(2027, 6, 15, 14, 0, 0), new DateTime(2027, 6, 15, 17, 30, 0)) };

        var lines = UnfoldedLines(Write(entry));

        Assert.Contains("DTSTART;TZID=Europe/Paris:20270615T140000", lines);
        Assert.Contains("DTEND;TZID=Europe/Paris:20270615T173000", lines);
    }

    [Fact]
    public void Write_WhenSessionIsOnTheSpringForwardDay_GivesTheWallClockTimesAsTyped()
    {
        // Sunday 28 March 2027: Paris clocks jump from 2 h 00 to 3 h 00.
        var morning = Visit("spring-1@semaine-industrie") with { Session = new EventSession(new DateTime(2027, 3, 28, 10, 0, 0), new DateTime(2027, 3, 28, 12, 0, 0)) };
        var overnight = Visit("spring-2@semaine-industrie") with { Session = new EventSession(new DateTime(2027, 3, 28, 1, 0, 0), new DateTime(2027, 3, 28, 4, 0, 0)) };

        var lines = UnfoldedLines(Write(morning, overnight));

        Assert.Contains("DTSTART;TZID=Europe/Paris:20270328T100000", lines);
        Assert.Contains("DTEND;TZID=Europe/Paris:20270328T120000", lines);
        Assert.Contains("DTSTART;TZID=Europe/Paris:20270328T010000", lines);
        Assert.Contains("DTEND;TZID=Europe/Paris:20270328T040000", lines);
    }

    [Fact]
    public void Write_WhenSessionIsOnTheFallBackDay_GivesTheWallClockTimesAsTyped()
    {
        // Sunday 31 October 2027: Paris clocks go back from 3 h 00 to 2 h 00.
        var morning = Visit("autumn-1@semaine-industrie") with { Session = new EventSession(new DateTime(2027, 10, 31, 9, 0, 0), new DateTime(2027, 10, 31, 12, 0, 0)) };
        var overnight = Visit("autumn-2@semaine-industrie") with { Session = new EventSession(new DateTime(2027, 10, 31, 1, 30, 0), new DateTime(2027, 10, 31, 3, 30, 0)) };

        var lines = UnfoldedLines(Write(morning, overnight));

        Assert.Contains("DTSTART;TZID=Europe/Paris:20271031T090000", lines);
        Assert.Contains("DTEND;TZID=Europe/Paris:20271031T120000", lines);
        Assert.Contains("DTSTART;TZID=Europe/Paris:20271031T013000", lines);
        Assert.Contains("DTEND;TZID=Europe/Paris:20271031T033000", lines);
    }

    [Fact]
    public void Write_WhenReadBackByACalendarLibrary_GivesTheInstantsOfParisSummerAndWinterTime()
    {
        var winter = Visit("winter@semaine-industrie");
        var summer = Visit("summer@semaine-industrie") with { Session = new EventSession(new DateTime(2027, 6, 15, 14, 0, 0), new DateTime(2027, 6, 15, 17, 30, 0)) };
        var springForward = Visit("spring@semaine-industrie") with { Session = new EventSession(new DateTime(2027, 3, 28, 10, 0, 0), new DateTime(2027, 3, 28, 12, 0, 0)) };

        var calendar = Ical.Net.Calendar.Load(Write(winter, summer, springForward))!;

        var byUid = calendar.Events.ToDictionary(e => e.Uid!, e => (e.DtStart!.AsUtc, e.DtEnd!.AsUtc));
        Assert.Equal((new DateTime(2020, 11, 16, 8, 0, 0, DateTimeKind.Utc), new DateTime(2020, 11, 16, 11, 0, 0, DateTimeKind.Utc)), byUid["winter@semaine-industrie"]); // UTC+1
        Assert.Equal((new DateTime(2027, 6, 15, 12, 0, 0, DateTimeKind.Utc), new DateTime(2027, 6, 15, 15, 30, 0, DateTimeKind.Utc)), byUid["summer@semaine-industrie"]); // UTC+2
        Assert.Equal((new DateTime(2027, 3, 28, 8, 0, 0, DateTimeKind.Utc), new DateTime(2027, 3, 28, 10, 0, 0, DateTimeKind.Utc)), byUid["spring@semaine-industrie"]); // summer time since 2 h
        var visit = calendar.Events.Single(e => e.Uid == "winter@semaine-industrie");
        Assert.Equal(("Visite de l'usine de Lille", "12 rue de l'Usine, 59000 Lille"), (visit.Summary, visit.Location));
        Assert.Equal(new Uri("https://semaine-industrie.example.fr/evenements/5a1e0000-2020-4000-8000-000000000123"), visit.Url);
        Assert.Equal("Europe/Paris", Assert.Single(calendar.TimeZones).TzId);
    }

    [Fact]
    public void Write_WhenSeveralEntries_DescribesTheParisZoneOnceWithItsSummerAndWinterRules()
    {
        var ics = Write(Visit("a@semaine-industrie"), Visit("b@semaine-industrie"), Visit("c@semaine-industrie"));

        var lines = UnfoldedLines(ics);
        Assert.Single(lines, l => l == "BEGIN:VTIMEZONE");
        Assert.Single(lines, l => l == "TZID:Europe/Paris");
        var zone = lines.SkipWhile(l => l != "BEGIN:VTIMEZONE").TakeWhile(l => l != "END:VTIMEZONE").ToList();
        // Summer time from the last Sunday of March at 2 h (+01:00 → +02:00), winter time from the last Sunday of October at 3 h.
        var daylight = Observance(zone, "DAYLIGHT");
        Assert.Contains("TZOFFSETFROM:+0100", daylight);
        Assert.Contains("TZOFFSETTO:+0200", daylight);
        Assert.Matches(@"^DTSTART:\d{4}03\d\dT020000$", daylight.Single(l => l.StartsWith("DTSTART:", StringComparison.Ordinal)));
        Assert.Equal(["BYDAY=-1SU", "BYMONTH=3", "FREQ=YEARLY"], RuleParts(daylight));
        var standard = Observance(zone, "STANDARD");
        Assert.Contains("TZOFFSETFROM:+0200", standard);
        Assert.Contains("TZOFFSETTO:+0100", standard);
        Assert.Matches(@"^DTSTART:\d{4}10\d\dT030000$", standard.Single(l => l.StartsWith("DTSTART:", StringComparison.Ordinal)));
        Assert.Equal(["BYDAY=-1SU", "BYMONTH=10", "FREQ=YEARLY"], RuleParts(standard));
        Assert.True(
            Array.IndexOf(lines, "END:VTIMEZONE") < Array.IndexOf(lines, "BEGIN:VEVENT"),
            "The zone must be described before the events that use it.");
    }

    [Fact]
    public void Write_WhenThreeEntries_WritesOneEventEachWithItsUidAndAUtcStamp()
    {
        var ics = Write(Visit("a@semaine-industrie"), Visit("b@semaine-industrie"), Visit("c@semaine-industrie"));

        var lines = UnfoldedLines(ics);
        var events = new List<List<string>>();
        List<string>? current = null;
        foreach (var line in lines)
        {
            if (line == "BEGIN:VEVENT")
            {
                current = [];
                events.Add(current);
            }
            else if (line == "END:VEVENT")
            {
                current = null;
            }
            else
            {
                current?.Add(line);
            }
        }

        Assert.Equal(3, events.Count);
        Assert.Equal(3, lines.Count(l => l == "END:VEVENT"));
        Assert.Equal(["UID:a@semaine-industrie", "UID:b@semaine-industrie", "UID:c@semaine-industrie"], events.Select(e => e.Single(l => l.StartsWith("UID:", StringComparison.Ordinal))));
        Assert.All(events, e => Assert.Contains("DTSTAMP:20201020T133000Z", e));
    }

    [Fact]
    public void Write_WhenCoordinatesAreGivenUnderAFrenchCulture_WritesGeoWithDots()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");
        try
        {
            var ics = Write(Visit());

            var geo = ValueOf(ics, "GEO").Split(';');
            Assert.Equal(2, geo.Length);
            Assert.Equal((50.62925, 3.057256), (double.Parse(geo[0], CultureInfo.InvariantCulture), double.Parse(geo[1], CultureInfo.InvariantCulture)));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Write_WhenNoDescriptionLocationOrCoordinates_LeavesThoseProperties()
    {
        var entry = new CalendarEntry("webinaire@semaine-industrie", "Webinaire des métiers de l'acier", new EventSession(new DateTime(2020, 11, 17, 14, 0, 0), new DateTime(2020, 11, 17, 15, 0, 0)));

        var lines = UnfoldedLines(SessionsCalendar.Write([entry], StampUtc, "Webinaire"));

        Assert.DoesNotContain(lines, l => l.StartsWith("DESCRIPTION", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("LOCATION", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("GEO", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("URL", StringComparison.Ordinal));
        Assert.Contains("SUMMARY:Webinaire des métiers de l'acier", lines);
    }
}
