using System.Text.Json;
using System.Text.Json.Serialization;
using MediatR;

namespace IndustryWeek.Shared.Outbox;

internal static class OutboxSerialization
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Reads a message back; only notification types of a Contracts assembly are ever instantiated.</summary>
    public static INotification Deserialize(string typeName, string payload)
    {
        var type = Type.GetType(typeName, throwOnError: false)
            ?? throw new InvalidOperationException($"Unknown notification type '{typeName}'.");
        if (!typeof(INotification).IsAssignableFrom(type) || type.Assembly.GetName().Name?.EndsWith(".Contracts", StringComparison.Ordinal) != true)
        {
            throw new InvalidOperationException($"'{typeName}' is not a public notification of a Contracts assembly.");
        }

        return (INotification)(JsonSerializer.Deserialize(payload, type, Options)
            ?? throw new InvalidOperationException($"Empty payload for '{typeName}'."));
    }
}
