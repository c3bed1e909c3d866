namespace IndustryWeek.Shared.Persistence;

/// <summary>
/// An instant read back from the database, marked UTC: SQLite does not keep a DateTime's kind, and an
/// unmarked time is serialized without its « Z » and read by clients as local time.
/// </summary>
public static class StoredInstant
{
    public static DateTime AsUtc(DateTime stored) => DateTime.SpecifyKind(stored, DateTimeKind.Utc);

    public static DateTime? AsUtc(DateTime? stored) => stored is { } value ? AsUtc(value) : null;
}
