namespace IndustryWeek.Shared.Domain;

/// <summary>Something that happened inside an aggregate. Turned into a module's public notifications by its outbox.</summary>
#pragma warning disable CA1040 // marker interface: domain events carry no common member
public interface IDomainEvent
{
}
#pragma warning restore CA1040
