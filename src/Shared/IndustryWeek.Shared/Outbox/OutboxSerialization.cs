using System.Text.Json;
using IndustryWeek.Shared.Persistence;
using MediatR;

namespace IndustryWeek.Shared.Outbox;

internal static class OutboxSerialization
{
    /// <summary>Reads a message back; only notification types of a Contracts assembly are ever instantiated.</summary>
    public static INotification Deserialize(string typeName, string payload)
    {
        var type = Type.GetType(typeName, throwOnError: false)
            ?? throw new InvalidOperationException($"Unknown notification type '{typeName}'.");
        if (!typeof(INotification).IsAssignableFrom(type) || type.Assembly.GetName().Name?.EndsWith(".Contracts", StringComparison.Ordinal) != true)
        {
            throw new InvalidOperationException($"'{typeName}' is not a public notification of a Contracts assembly.");
        }

        return (INotification)(JsonSerializer.Deserialize(payload, type, StoredJson.Options)
            ?? throw new InvalidOperationException($"Empty payload for '{typeName}'."));
    }
}
