using System.Text.Json;
using System.Text.Json.Serialization;

namespace IndustryWeek.Shared.Persistence;

/// <summary>How the platform writes JSON it stores (outbox payloads, job payloads, JSON columns): one format, enums by name.</summary>
internal static class StoredJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}
