using IndustryWeek.Editions.Contracts;
using IndustryWeek.Shared.Domain;
using IndustryWeek.Shared.PublishedLanguage;

namespace IndustryWeek.Editions.Domain;

/// <summary>What an administrator types about an edition, once validated.</summary>
internal sealed record EditionDetails(
    int Number,
    int Year,
    string Name,
    string Theme,
    string ThemeDescription,
    IReadOnlyList<string> FocusTopics,
    string Hashtag,
    EditionSchedule Schedule,
    DateOnly RegistrationOpens,
    DateOnly MapVisibleFrom);

/// <summary>One change of an edition's dates, kept for ever and shown to administrators.</summary>
internal sealed record ScheduleChange(DateTime ChangedAtUtc, string ChangedBy, string Reason, EditionSchedule Previous, EditionSchedule Current);

/// <summary>
/// A yearly edition of the Semaine de l'industrie: Draft → Published (open for registration in its
/// window) → Closed (registration over) → Archived.
/// </summary>
internal sealed class Edition : AggregateRoot<Guid>
{
    private Edition()
    {
    }

    public int Number { get; private set; }

    public int Year { get; private set; }

    public string Name { get; private set; } = "";

    public string Theme { get; private set; } = "";

    public string ThemeDescription { get; private set; } = "";

    public List<string> FocusTopics { get; private set; } = [];

    public string Hashtag { get; private set; } = "";

    public EditionSchedule Schedule { get; private set; } = null!;

    public DateOnly RegistrationOpens { get; private set; }

    public DateOnly MapVisibleFrom { get; private set; }

    public EditionStatus Status { get; private set; }

    public List<ScheduleChange> ScheduleHistory { get; private set; } = [];

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    /// <summary>Optimistic concurrency: two administrators saving at once cannot overwrite each other silently.</summary>
    public int Revision { get; private set; }

    public DatePeriod RegistrationWindow => new(RegistrationOpens, Schedule.RegistrationCloses);

    public static Edition Create(Guid id, EditionDetails details, DateTime nowUtc)
    {
        var edition = new Edition { Id = id, Status = EditionStatus.Draft, CreatedAtUtc = nowUtc };
        edition.Apply(details, nowUtc);
        return edition;
    }

    public bool IsOpenForRegistration(DateOnly today) => Status == EditionStatus.Published && RegistrationWindow.Contains(today);

    public Error? Update(EditionDetails details, DateTime nowUtc)
    {
        if (Status is EditionStatus.Closed or EditionStatus.Archived)
        {
            return Error.Conflict("edition.not_editable", "Une édition clôturée ou archivée ne peut plus être modifiée.");
        }

        if (Status == EditionStatus.Published && !SameSchedule(details.Schedule, Schedule))
        {
            return Error.BusinessRule(
                "edition.schedule_needs_reschedule",
                "Les dates d'une édition publiée se changent par une reprogrammation, avec son motif.");
        }

        Apply(details, nowUtc);
        if (Status == EditionStatus.Published)
        {
            Raise(new EditionUpdatedDomainEvent(this));
        }

        return null;
    }

    public Error? Publish(DateTime nowUtc)
    {
        if (Status != EditionStatus.Draft)
        {
            return Error.Conflict("edition.not_draft", "Seule une édition en brouillon peut être publiée.");
        }

        Status = EditionStatus.Published;
        Touch(nowUtc);
        Raise(new EditionPublishedDomainEvent(this));
        return null;
    }

    public Error? Close(DateTime nowUtc)
    {
        if (Status != EditionStatus.Published)
        {
            return Error.Conflict("edition.not_published", "Seule une édition publiée peut être clôturée.");
        }

        Status = EditionStatus.Closed;
        Touch(nowUtc);
        Raise(new EditionClosedDomainEvent(this));
        return null;
    }

    public Error? Archive(DateTime nowUtc)
    {
        if (Status != EditionStatus.Closed)
        {
            return Error.Conflict("edition.not_closed", "Seule une édition clôturée peut être archivée.");
        }

        Status = EditionStatus.Archived;
        Touch(nowUtc);
        return null;
    }

    public Error? Reschedule(EditionSchedule schedule, string reason, string changedBy, DateTime nowUtc)
    {
        if (Status != EditionStatus.Published)
        {
            return Error.Conflict("edition.not_published", "Seule une édition publiée peut être reprogrammée.");
        }

        if (SameSchedule(schedule, Schedule))
        {
            return Error.BusinessRule("edition.same_schedule", "Les nouvelles dates sont identiques aux dates actuelles.");
        }

        if (schedule.RegistrationCloses <= RegistrationOpens)
        {
            return Error.BusinessRule(
                "edition.registration_closes_before_opening",
                $"La clôture des inscriptions doit être postérieure à leur ouverture ({Shared.Time.ParisTime.FormatDate(RegistrationOpens)}).");
        }

        var previous = Schedule;
        ScheduleHistory = [.. ScheduleHistory, new ScheduleChange(nowUtc, changedBy, reason, previous, schedule)];
        Schedule = schedule;
        Touch(nowUtc);
        Raise(new EditionRescheduledDomainEvent(this, previous, reason));
        return null;
    }

    private static bool SameSchedule(EditionSchedule a, EditionSchedule b) =>
        a.HeadlineWeek == b.HeadlineWeek && a.EventPeriod == b.EventPeriod && a.RegistrationCloses == b.RegistrationCloses
        && a.RegionalPeriods.OrderBy(p => p.RegionCode, StringComparer.Ordinal).SequenceEqual(b.RegionalPeriods.OrderBy(p => p.RegionCode, StringComparer.Ordinal));

    private void Apply(EditionDetails details, DateTime nowUtc)
    {
        Number = details.Number;
        Year = details.Year;
        Name = details.Name;
        Theme = details.Theme;
        ThemeDescription = details.ThemeDescription;
        FocusTopics = [.. details.FocusTopics];
        Hashtag = details.Hashtag;
        Schedule = details.Schedule;
        RegistrationOpens = details.RegistrationOpens;
        MapVisibleFrom = details.MapVisibleFrom;
        Touch(nowUtc);
    }

    private void Touch(DateTime nowUtc)
    {
        UpdatedAtUtc = nowUtc;
        Revision++;
    }
}

internal sealed record EditionPublishedDomainEvent(Edition Edition) : IDomainEvent;

internal sealed record EditionUpdatedDomainEvent(Edition Edition) : IDomainEvent;

internal sealed record EditionRescheduledDomainEvent(Edition Edition, EditionSchedule Previous, string Reason) : IDomainEvent;

internal sealed record EditionClosedDomainEvent(Edition Edition) : IDomainEvent;
