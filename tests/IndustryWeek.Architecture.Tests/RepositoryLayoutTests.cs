using IndustryWeek.Architecture.Tests.Support;

namespace IndustryWeek.Architecture.Tests;

public class RepositoryLayoutTests
{
    /// <summary>A module added under src/Modules without being added to the list would escape every rule.</summary>
    [Fact]
    public void ModulesFolder_ContainsExactlyTheCheckedModules()
    {
        var onDisk = Directory.GetDirectories(Layout.FullPath(Layout.ModulesFolder))
            .Select(Path.GetFileName)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        var checkedModules = Layout.ModuleNames.ToHashSet(StringComparer.Ordinal);

        Violations.AssertNone(
            $"{Layout.ModulesFolder} must hold exactly the modules these tests check ({string.Join(", ", Layout.ModuleNames)}).",
            onDisk.Except(checkedModules).Order(StringComparer.Ordinal).Select(m => $"{Layout.ModulesFolder}/{m} is not checked (add it to Layout.ModuleNames)")
                .Concat(checkedModules.Except(onDisk).Order(StringComparer.Ordinal).Select(m => $"{Layout.ModulesFolder}/{m} is checked but does not exist")));
    }

    [Theory]
    [MemberData(nameof(Modules.All), MemberType = typeof(Modules))]
    public void Module_HasAModuleProjectAndAContractsProject(string module)
    {
        Violations.AssertNone(
            $"Module {module} must have both a module project and a Contracts project.",
            new[] { Layout.ModuleProject(module), Layout.ContractsProject(module) }
                .Where(path => !File.Exists(Layout.FullPath(path)))
                .Select(path => $"missing {path}"));
    }
}
