using IndustryWeek.Testing;

namespace IndustryWeek.Browser.Tests;

/// <summary>Where the journeys' screenshots go: docs/screenshots/, shown by the README.</summary>
internal static class Screenshots
{
    public static string PathFor(string name)
    {
        var directory = Path.Combine(HostProcess.RepositoryRoot, "docs", "screenshots");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, name);
    }
}
