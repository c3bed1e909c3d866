using IndustryWeek.Architecture.Tests.Support;

namespace IndustryWeek.Architecture.Tests;

/// <summary>Rule 6: the host composes modules through their entry points only, never through their Contracts.</summary>
public class HostReferenceTests
{
    [Fact]
    public void HostProject_ReferencesOnlySharedAndModuleProjects()
    {
        var project = ProjectFile.Load(Layout.HostProject);

        Violations.AssertNone(
            $"{project.RelativePath} may reference only {Layout.SharedProject} and module projects (src/Modules/X/IndustryWeek.X/IndustryWeek.X.csproj).",
            project.ProjectReferences
                .Where(reference => reference != Layout.SharedProject && !Layout.IsModuleProject(reference))
                .Select(reference => $"ProjectReference to {reference}"));
    }

    [Fact]
    public void HostProject_ReferencesNoContractsProject()
    {
        var project = ProjectFile.Load(Layout.HostProject);

        Violations.AssertNone(
            $"{project.RelativePath} must not reference a *.Contracts project: the host talks to modules through their entry points.",
            project.ProjectReferences
                .Where(reference => Layout.IsContractsProject(reference)
                    || Path.GetFileNameWithoutExtension(reference).EndsWith(".Contracts", StringComparison.Ordinal))
                .Select(reference => $"ProjectReference to {reference}"));
    }

    [Fact]
    public void HostAssembly_ReferencesOnlySharedAndModuleAssemblies()
    {
        var assembly = Layout.LoadHost();
        var allowed = Layout.ModuleNames.Select(Layout.ModuleAssemblyName).Append(Layout.SharedAssembly).ToHashSet(StringComparer.Ordinal);

        Violations.AssertNone(
            $"{assembly.GetName().Name} may reference, of the IndustryWeek assemblies, only {Layout.SharedAssembly} and the module assemblies (no *.Contracts).",
            assembly.GetReferencedAssemblies()
                .Select(reference => reference.Name ?? "")
                .Where(name => name.StartsWith("IndustryWeek.", StringComparison.Ordinal) && !allowed.Contains(name))
                .Order(StringComparer.Ordinal)
                .Select(name => $"references assembly {name}"));
    }

    [Theory]
    [MemberData(nameof(Modules.All), MemberType = typeof(Modules))]
    public void HostProject_ReferencesEachModuleProject(string module)
    {
        var project = ProjectFile.Load(Layout.HostProject);

        Assert.True(
            project.ProjectReferences.Contains(Layout.ModuleProject(module)),
            $"{project.RelativePath} does not reference {Layout.ModuleProject(module)}: module {module} is not composed into the host.");
    }
}
