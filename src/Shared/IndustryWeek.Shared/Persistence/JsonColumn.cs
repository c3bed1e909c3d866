using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IndustryWeek.Shared.Persistence;

/// <summary>Stores a value object or a list as one JSON text column, compared by content for change tracking.</summary>
public static class JsonColumn
{
    public static PropertyBuilder<T> HasJsonConversion<T>(this PropertyBuilder<T> property)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(property);
        return property.HasConversion(
            v => Serialize(v),
            v => Deserialize<T>(v),
            new ValueComparer<T>(
                (a, b) => Serialize(a) == Serialize(b),
                v => Serialize(v).GetHashCode(StringComparison.Ordinal),
                v => Deserialize<T>(Serialize(v))));
    }

    private static string Serialize<T>(T? value) => JsonSerializer.Serialize(value, StoredJson.Options);

    private static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, StoredJson.Options) ?? throw new InvalidOperationException($"Empty JSON column for {typeof(T)}.");
}
