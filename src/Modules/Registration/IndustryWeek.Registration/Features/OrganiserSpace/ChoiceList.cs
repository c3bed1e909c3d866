namespace IndustryWeek.Registration.Features.OrganiserSpace;

/// <summary>A group of DSFR checkboxes (audiences, sectors, topics), rendered by `_Checkboxes`.</summary>
internal sealed record ChoiceList(string Name, string Legend, string? Hint, IReadOnlyList<(string Value, string Label)> Choices, IReadOnlyList<string> Selected);
