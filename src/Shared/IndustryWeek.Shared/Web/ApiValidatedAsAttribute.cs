namespace IndustryWeek.Shared.Web;

/// <summary>
/// A request body that becomes another type before it is validated (the command, with the route's id and the caller):
/// the API document reads the limits of that type's validator for the body's fields of the same name.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ApiValidatedAsAttribute(Type validated) : Attribute
{
    public Type Validated { get; } = validated;
}
