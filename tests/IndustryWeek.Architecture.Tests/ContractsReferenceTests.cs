using IndustryWeek.Architecture.Tests.Support;

namespace IndustryWeek.Architecture.Tests;

/// <summary>Rule 2: a Contracts project is the module's published language: the shared kernel and MediatR, nothing else.</summary>
public class ContractsReferenceTests
{
    private const string MediatR = "MediatR";

    [Theory]
    [MemberData(nameof(Modules.All), MemberType = typeof(Modules))]
    public void ContractsProject_ReferencesOnlySharedAndMediatR(string module)
    {
        var project = ProjectFile.Load(Layout.ContractsProject(module));

        Violations.AssertNone(
            $"{project.RelativePath} may reference only the project {Layout.SharedProject} and the package {MediatR}.",
            project.ProjectReferences.Where(r => r != Layout.SharedProject).Select(r => $"ProjectReference to {r}")
                .Concat(project.PackageReferences.Where(p => p != MediatR).Select(p => $"PackageReference to {p}"))
                .Concat(project.FrameworkReferences.Select(f => $"FrameworkReference to {f}"))
                .Concat(project.AssemblyReferences.Select(a => $"Reference to {a}")));
    }

    [Theory]
    [MemberData(nameof(Modules.All), MemberType = typeof(Modules))]
    public void ContractsAssembly_ReferencesOnlySharedMediatRAndTheBaseLibrary(string module)
    {
        var assembly = Layout.LoadContracts(module);

        Violations.AssertNone(
            $"{assembly.GetName().Name} may reference only {Layout.SharedAssembly}, {MediatR} and the .NET base library (System.*).",
            assembly.GetReferencedAssemblies()
                .Select(reference => reference.Name ?? "")
                .Where(name => !IsAllowed(name))
                .Order(StringComparer.Ordinal)
                .Select(name => $"references assembly {name}"));
    }

    private static bool IsAllowed(string assemblyName) =>
        assemblyName is Layout.SharedAssembly or MediatR or "System" or "netstandard" or "mscorlib"
        || assemblyName.StartsWith("System.", StringComparison.Ordinal);
}
