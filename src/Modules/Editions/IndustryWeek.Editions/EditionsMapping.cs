using IndustryWeek.Editions.Contracts;
using IndustryWeek.Editions.Domain;
using IndustryWeek.Editions.Features;
using Mapster;

namespace IndustryWeek.Editions;

/// <summary>The module's plain copies (Mapster); the edition itself has logic (open for registration today) and stays written out.</summary>
internal static class EditionsMapping
{
    public static TypeAdapterConfig Config { get; } = Create();

    private static TypeAdapterConfig Create()
    {
        var config = new TypeAdapterConfig { RequireExplicitMapping = true, RequireDestinationMemberSource = true };
        config.NewConfig<EditionSchedule, EditionSchedule>().MapWith(s => s); // an immutable record: shared, not copied
        config.NewConfig<ScheduleChange, ScheduleChangeDto>()
            .Map(d => d.ChangedAt, s => s.ChangedAtUtc);
        return config;
    }
}
