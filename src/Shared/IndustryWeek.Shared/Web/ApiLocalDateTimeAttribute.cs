namespace IndustryWeek.Shared.Web;

/// <summary>
/// A Europe/Paris wall-clock date-time written without an offset (« 2027-03-22T09:00:00 »): a session's start or end,
/// in answers and requests alike. Declared for the API document (a pattern and a French description rather than
/// `date-time`, which would demand an offset).
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ApiLocalDateTimeAttribute : Attribute;
