namespace IndustryWeek.Architecture.Tests.Support;

/// <summary>Theory data: one row per business module.</summary>
public static class Modules
{
    public static TheoryData<string> All => new(Layout.ModuleNames);
}
