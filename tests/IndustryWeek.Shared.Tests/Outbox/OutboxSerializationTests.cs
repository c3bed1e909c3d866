using IndustryWeek.Shared.Outbox;
using MediatR;

namespace IndustryWeek.Shared.Tests.Outbox;

public sealed class OutboxSerializationTests
{
    [Fact]
    public void Deserialize_WhenTypeIsNotANotificationOfAContractsAssembly_Refuses()
    {
        var thrown = Assert.Throws<InvalidOperationException>(
            () => OutboxSerialization.Deserialize("System.String, System.Private.CoreLib", "\"hello\""));

        Assert.Contains("System.String", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_WhenNotificationOutsideAContractsAssembly_Refuses()
    {
        var typeName = $"{typeof(NotAContractNotification).FullName}, {typeof(NotAContractNotification).Assembly.GetName().Name}";

        Assert.Throws<InvalidOperationException>(() => OutboxSerialization.Deserialize(typeName, "{\"text\":\"x\"}"));
    }

    [Fact]
    public void Deserialize_WhenTypeIsUnknown_RefusesNamingIt()
    {
        var thrown = Assert.Throws<InvalidOperationException>(
            () => OutboxSerialization.Deserialize("IndustryWeek.Nowhere.Contracts.Vanished, IndustryWeek.Nowhere.Contracts", "{}"));

        Assert.Contains("IndustryWeek.Nowhere.Contracts.Vanished", thrown.Message, StringComparison.Ordinal);
    }

    internal sealed record NotAContractNotification(string Text) : INotification;
}
