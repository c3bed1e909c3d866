namespace IndustryWeek.Architecture.Tests.Support;

internal static class Violations
{
    /// <summary>Fails with the rule and one line per offending type or reference.</summary>
    public static void AssertNone(string rule, IEnumerable<string> violations)
    {
        var list = violations.ToList();
        if (list.Count > 0)
        {
            Assert.Fail($"{rule}{Environment.NewLine}{list.Count} violation(s):{Environment.NewLine}"
                + string.Join(Environment.NewLine, list.Select(v => "  - " + v)));
        }
    }

    public static string Describe(Type type) => type.FullName ?? type.Name;
}
