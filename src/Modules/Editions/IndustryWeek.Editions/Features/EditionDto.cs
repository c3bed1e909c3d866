using IndustryWeek.Editions.Contracts;
using IndustryWeek.Editions.Domain;
using IndustryWeek.Shared.PublishedLanguage;
using Mapster;

namespace IndustryWeek.Editions.Features;

/// <summary>`Edition` of API.md, plus whether it is open for registration today and its schedule history.</summary>
internal sealed record EditionDto(
    Guid Id,
    int Number,
    int Year,
    string Name,
    string Theme,
    string ThemeDescription,
    IReadOnlyList<string> FocusTopics,
    string Hashtag,
    DatePeriod HeadlineWeek,
    DatePeriod EventPeriod,
    IReadOnlyList<RegionalPeriod> RegionalPeriods,
    DateOnly RegistrationOpens,
    DateOnly RegistrationCloses,
    DateOnly MapVisibleFrom,
    EditionStatus Status,
    bool IsOpenForRegistration,
    IReadOnlyList<ScheduleChangeDto> ScheduleHistory);

internal sealed record ScheduleChangeDto(DateTime ChangedAt, string ChangedBy, string Reason, EditionSchedule Previous, EditionSchedule Current);

internal static class EditionMapping
{
    public static EditionDto ToDto(this Edition edition, DateOnly today) => new(
        edition.Id,
        edition.Number,
        edition.Year,
        edition.Name,
        edition.Theme,
        edition.ThemeDescription,
        edition.FocusTopics,
        edition.Hashtag,
        edition.Schedule.HeadlineWeek,
        edition.Schedule.EventPeriod,
        edition.Schedule.RegionalPeriods,
        edition.RegistrationOpens,
        edition.Schedule.RegistrationCloses,
        edition.MapVisibleFrom,
        edition.Status,
        edition.IsOpenForRegistration(today),
        edition.ScheduleHistory.Adapt<List<ScheduleChangeDto>>(EditionsMapping.Config));
}
