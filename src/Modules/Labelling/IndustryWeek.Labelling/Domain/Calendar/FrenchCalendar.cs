namespace IndustryWeek.Labelling.Domain.Calendar;

/// <summary>
/// French public holidays (the eleven national ones, Easter-based included) and working days, for
/// the committee's deadline. Alsace-Moselle's two extra days are not counted: the deadline is national.
/// </summary>
internal static class FrenchCalendar
{
    public static DateOnly EasterSunday(int year)
    {
        // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    public static IReadOnlySet<DateOnly> PublicHolidays(int year)
    {
        var easter = EasterSunday(year);
        return new HashSet<DateOnly>
        {
            new(year, 1, 1),
            easter.AddDays(1), // lundi de Pâques
            new(year, 5, 1),
            new(year, 5, 8),
            easter.AddDays(39), // Ascension
            easter.AddDays(50), // lundi de Pentecôte
            new(year, 7, 14),
            new(year, 8, 15),
            new(year, 11, 1),
            new(year, 11, 11),
            new(year, 12, 25),
        };
    }

    public static bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !PublicHolidays(day.Year).Contains(day);

    /// <summary>The <paramref name="count"/>-th working day after <paramref name="day"/> (the day itself not counted).</summary>
    public static DateOnly AddWorkingDays(DateOnly day, int count)
    {
        var current = day;
        for (var counted = 0; counted < count;)
        {
            current = current.AddDays(1);
            if (IsWorkingDay(current))
            {
                counted++;
            }
        }

        return current;
    }

    /// <summary>Working days from <paramref name="from"/> (excluded) to <paramref name="to"/> (included); negative when past.</summary>
    public static int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -WorkingDaysBetween(to, from);
        }

        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }
}
