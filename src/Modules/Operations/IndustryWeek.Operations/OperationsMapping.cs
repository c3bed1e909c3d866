using IndustryWeek.Operations.Domain;
using IndustryWeek.Operations.Features.Journal;
using IndustryWeek.Operations.Features.Outbox;
using IndustryWeek.Shared.Outbox;
using Mapster;

namespace IndustryWeek.Operations;

/// <summary>The module's plain copies (Mapster); the jobs' details have logic (their cause, French states) and stay written out.</summary>
internal static class OperationsMapping
{
    public static TypeAdapterConfig Config { get; } = Create();

    private static TypeAdapterConfig Create()
    {
        var config = new TypeAdapterConfig { RequireExplicitMapping = true, RequireDestinationMemberSource = true };
        config.NewConfig<OperatorAction, OperatorActionDto>()
            .Map(d => d.At, s => s.AtUtc)
            .Map(d => d.Actor, s => s.ActorEmail);
        config.NewConfig<OutboxMessageView, OutboxMessageDto>()
            .Map(d => d.OccurredAt, s => s.OccurredAtUtc)
            .Map(d => d.NextAttemptAt, s => s.NextAttemptAtUtc)
            .Map(d => d.FailedAt, s => s.FailedAtUtc);
        return config;
    }
}
