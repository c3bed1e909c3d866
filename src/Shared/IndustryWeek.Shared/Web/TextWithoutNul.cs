using System.Text.Json;
using System.Text.Json.Serialization;

namespace IndustryWeek.Shared.Web;

/// <summary>
/// Refuses a JSON string holding a NUL character (\u0000) when a request is read: PostgreSQL cannot store it in a
/// text column (the save failed with a 500), and no organiser types one. Strings are written back unchanged.
/// </summary>
internal sealed class TextWithoutNul : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        if (text is not null && text.Contains('\0', StringComparison.Ordinal))
        {
            throw new JsonException("A text holds a NUL character.");
        }

        return text;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }
}
