namespace IndustryWeek.Shared.Web;

/// <summary>One DSFR form field (label, hint, value, error under it), rendered by the `_Input` partial.</summary>
public sealed record FormInput(string Name, string Label, string? Value, string Type = "text", string? Hint = null, bool Required = true)
{
    /// <summary>An HTML id derived from the field name ("Form.RegionalPeriods[0].Start" → "Form_RegionalPeriods_0__Start").</summary>
    public string Id => Name.Replace('.', '_').Replace('[', '_').Replace(']', '_');
}
