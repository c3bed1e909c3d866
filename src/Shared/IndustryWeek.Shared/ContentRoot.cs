namespace IndustryWeek.Shared;

/// <summary>The folder relative paths of the configuration (data/, data/mail/) are resolved against.</summary>
public sealed record ContentRoot(string Path);
