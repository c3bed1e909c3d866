using IndustryWeek.Architecture.Tests.Support;

namespace IndustryWeek.Architecture.Tests;

/// <summary>Rule 1: a module depends on the shared kernel and on Contracts projects only, never on another module's inside.</summary>
public class ModuleReferenceTests
{
    [Theory]
    [MemberData(nameof(Modules.All), MemberType = typeof(Modules))]
    public void ModuleProject_ReferencesOnlySharedAndContractsProjects(string module)
    {
        var project = ProjectFile.Load(Layout.ModuleProject(module));

        Violations.AssertNone(
            $"{project.RelativePath} may reference only {Layout.SharedProject}, its own Contracts project and other modules' *.Contracts projects.",
            project.ProjectReferences
                .Where(reference => reference != Layout.SharedProject && !Layout.IsContractsProject(reference))
                .Select(reference => $"ProjectReference to {reference}"));
    }

    [Theory]
    [MemberData(nameof(Modules.All), MemberType = typeof(Modules))]
    public void ModuleAssembly_ReferencesOnlySharedAndContractsAssemblies(string module)
    {
        var assembly = Layout.LoadModule(module);

        Violations.AssertNone(
            $"{assembly.GetName().Name} may reference, of the IndustryWeek assemblies, only {Layout.SharedAssembly} and IndustryWeek.*.Contracts.",
            assembly.GetReferencedAssemblies()
                .Select(reference => reference.Name ?? "")
                .Where(name => name.StartsWith("IndustryWeek.", StringComparison.Ordinal))
                .Where(name => name != Layout.SharedAssembly && !Layout.IsContractsAssembly(name))
                .Order(StringComparer.Ordinal)
                .Select(name => $"references assembly {name}"));
    }

    /// <summary>Infrastructure stays behind the Shared ports: modules schedule through IBackgroundJobs and never see Hangfire.</summary>
    [Theory]
    [MemberData(nameof(Modules.All), MemberType = typeof(Modules))]
    public void ModuleAssembly_NeverReferencesHangfire(string module)
    {
        var assembly = Layout.LoadModule(module);

        Violations.AssertNone(
            $"{assembly.GetName().Name} schedules its jobs through IndustryWeek.Shared.Jobs.IBackgroundJobs, never with Hangfire's types.",
            assembly.GetReferencedAssemblies()
                .Select(reference => reference.Name ?? "")
                .Where(name => name.StartsWith("Hangfire", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .Select(name => $"references assembly {name}"));
    }
}
