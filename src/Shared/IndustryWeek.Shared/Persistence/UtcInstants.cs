using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace IndustryWeek.Shared.Persistence;

/// <summary>
/// Every instant a module stores is read back marked UTC, on every provider: a DateTime property whose name
/// ends in « Utc » (`SubmittedAtUtc`, `SentAtUtc`…) is an instant, by the platform's naming rule. PostgreSQL
/// gives a timestamptz back as UTC, but SQLite keeps no kind (Unspecified), and an unmarked instant was
/// written by the API without its « Z » (API.md: instants end in Z) and read by clients as local time.
/// Other DateTime properties (a session's Europe/Paris local start) are left as they are.
/// Registered once, for every module's context, by <see cref="DatabaseSettings.Configure"/>.
/// </summary>
internal sealed class UtcInstants(ModelCustomizerDependencies dependencies) : RelationalModelCustomizer(dependencies)
{
    public const string Suffix = "Utc";

    // Same value both ways; only the kind changes when read.
    private static readonly ValueConverter<DateTime, DateTime> AsUtc =
        new(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    public override void Customize(ModelBuilder modelBuilder, DbContext context)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        base.Customize(modelBuilder, context);
        foreach (var property in modelBuilder.Model.GetEntityTypes().SelectMany(e => e.GetDeclaredProperties()))
        {
            if (IsInstant(property.Name, property.ClrType) && property.GetValueConverter() is null)
            {
                property.SetValueConverter(AsUtc);
            }
        }
    }

    public static bool IsInstant(string name, Type type) =>
        (type == typeof(DateTime) || type == typeof(DateTime?)) && name.EndsWith(Suffix, StringComparison.Ordinal);
}
