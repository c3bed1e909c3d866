using System.Globalization;
using System.Text.RegularExpressions;
using IndustryWeek.Editions.Features.RescheduleEdition;

namespace IndustryWeek.Editions.Features.ManageEditions;

/// <summary>A row of the « périodes régionales » table; empty rows are ignored.</summary>
internal sealed class RegionalPeriodRow
{
    public string? RegionCode { get; set; }

    public DateOnly? Start { get; set; }

    public DateOnly? End { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(RegionCode) && Start is null && End is null;
}

/// <summary>The dates shared by the edition form and the reschedule form, with their mapping to commands.</summary>
internal abstract class ScheduleForm
{
    public DateOnly? HeadlineWeekStart { get; set; }

    public DateOnly? HeadlineWeekEnd { get; set; }

    public DateOnly? EventPeriodStart { get; set; }

    public DateOnly? EventPeriodEnd { get; set; }

    public List<RegionalPeriodRow> RegionalPeriods { get; set; } = [];

    public DateOnly? RegistrationCloses { get; set; }

    /// <summary>Two empty rows after the filled ones, to add regions without script.</summary>
    public void PadRegionalPeriods()
    {
        RegionalPeriods = [.. RegionalPeriods.Where(r => !r.IsEmpty), new RegionalPeriodRow(), new RegionalPeriodRow()];
    }

    protected PeriodFields HeadlineWeek() => new() { Start = HeadlineWeekStart, End = HeadlineWeekEnd };

    protected PeriodFields EventPeriod() => new() { Start = EventPeriodStart, End = EventPeriodEnd };

    protected List<RegionalPeriodFields> FilledRegionalPeriods() =>
        [.. RegionalPeriods.Where(r => !r.IsEmpty).Select(r => new RegionalPeriodFields { RegionCode = r.RegionCode?.Trim(), Start = r.Start, End = r.End })];

    /// <summary>
    /// The form field showing a command failure: "HeadlineWeek.End" → "Form.HeadlineWeekEnd", "HeadlineWeek" →
    /// "Form.HeadlineWeekStart", "RegionalPeriods[1].RegionCode" stays as is (rows keep their order once emptied ones are removed).
    /// </summary>
    public static string FieldKey(string propertyPath)
    {
        ArgumentNullException.ThrowIfNull(propertyPath);
        if (propertyPath.StartsWith("RegionalPeriods[", StringComparison.Ordinal))
        {
            return "Form." + propertyPath;
        }

        var withoutIndex = Regex.Replace(propertyPath, @"\[\d+\]", "");
        var key = withoutIndex.Replace(".", "", StringComparison.Ordinal);
        return "Form." + (key is "HeadlineWeek" or "EventPeriod" ? key + "Start" : key);
    }

    protected void CopySchedule(EditionDto edition)
    {
        HeadlineWeekStart = edition.HeadlineWeek.Start;
        HeadlineWeekEnd = edition.HeadlineWeek.End;
        EventPeriodStart = edition.EventPeriod.Start;
        EventPeriodEnd = edition.EventPeriod.End;
        RegionalPeriods = [.. edition.RegionalPeriods.Select(p => new RegionalPeriodRow { RegionCode = p.RegionCode, Start = p.Start, End = p.End })];
        RegistrationCloses = edition.RegistrationCloses;
    }

    public static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>The edition form of /admin/editions/nouvelle and /admin/editions/{id}/modifier.</summary>
internal sealed class EditionForm : ScheduleForm
{
    public int? Number { get; set; }

    public int? Year { get; set; }

    public string? Name { get; set; }

    public string? Theme { get; set; }

    public string? ThemeDescription { get; set; }

    /// <summary>One topic per line.</summary>
    public string? FocusTopics { get; set; }

    public string? Hashtag { get; set; } = "#SemaineIndustrie";

    public DateOnly? RegistrationOpens { get; set; }

    public DateOnly? MapVisibleFrom { get; set; }

    public static EditionForm From(EditionDto edition)
    {
        ArgumentNullException.ThrowIfNull(edition);
        var form = new EditionForm
        {
            Number = edition.Number,
            Year = edition.Year,
            Name = edition.Name,
            Theme = edition.Theme,
            ThemeDescription = edition.ThemeDescription,
            FocusTopics = string.Join('\n', edition.FocusTopics),
            Hashtag = edition.Hashtag,
            RegistrationOpens = edition.RegistrationOpens,
            MapVisibleFrom = edition.MapVisibleFrom,
        };
        form.CopySchedule(edition);
        return form;
    }

    public T ToCommand<T>()
        where T : EditionFields, new() => new()
    {
        Number = Number,
        Year = Year,
        Name = Name,
        Theme = Theme,
        ThemeDescription = ThemeDescription,
        FocusTopics = [.. (FocusTopics ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
        Hashtag = Hashtag,
        HeadlineWeek = HeadlineWeek(),
        EventPeriod = EventPeriod(),
        RegionalPeriods = FilledRegionalPeriods(),
        RegistrationOpens = RegistrationOpens,
        RegistrationCloses = RegistrationCloses,
        MapVisibleFrom = MapVisibleFrom,
    };
}

/// <summary>The form of /admin/editions/{id}/reprogrammer.</summary>
internal sealed class RescheduleForm : ScheduleForm
{
    public string? Reason { get; set; }

    public static RescheduleForm From(EditionDto edition)
    {
        ArgumentNullException.ThrowIfNull(edition);
        var form = new RescheduleForm();
        form.CopySchedule(edition);
        return form;
    }

    public RescheduleEditionCommand ToCommand(Guid id, string changedBy) => new()
    {
        Id = id,
        ChangedBy = changedBy,
        HeadlineWeek = HeadlineWeek(),
        EventPeriod = EventPeriod(),
        RegionalPeriods = FilledRegionalPeriods(),
        RegistrationCloses = RegistrationCloses,
        Reason = Reason,
    };
}
