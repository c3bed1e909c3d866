using System.Reflection;
using System.Text.RegularExpressions;

namespace IndustryWeek.Architecture.Tests.Support;

/// <summary>Where the solution's projects live and how their assemblies are named (DESIGN.md §2).</summary>
internal static partial class Layout
{
    public const string SolutionFileName = "IndustryWeek.slnx";

    public const string SharedAssembly = "IndustryWeek.Shared";

    public const string SharedProject = "src/Shared/IndustryWeek.Shared/IndustryWeek.Shared.csproj";

    public const string HostAssembly = "IndustryWeek.Host";

    public const string HostProject = "src/Host/IndustryWeek.Host.csproj";

    public const string ModulesFolder = "src/Modules";

    /// <summary>The five business modules and Operations, in the host's composition order.</summary>
    public static readonly IReadOnlyList<string> ModuleNames = ["Editions", "Registration", "Labelling", "CommunicationKit", "Map", "Operations"];

    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The repository root: the first folder above the test binaries that holds the solution file.</summary>
    public static string Root => LazyRoot.Value;

    public static string ModuleProject(string module) =>
        $"{ModulesFolder}/{module}/IndustryWeek.{module}/IndustryWeek.{module}.csproj";

    public static string ContractsProject(string module) =>
        $"{ModulesFolder}/{module}/IndustryWeek.{module}.Contracts/IndustryWeek.{module}.Contracts.csproj";

    public static string ModuleAssemblyName(string module) => $"IndustryWeek.{module}";

    public static string ContractsAssemblyName(string module) => $"IndustryWeek.{module}.Contracts";

    public static Assembly LoadModule(string module) => Load(ModuleAssemblyName(module));

    public static Assembly LoadContracts(string module) => Load(ContractsAssemblyName(module));

    public static Assembly LoadHost() => Load(HostAssembly);

    /// <summary>True for src/Modules/Y/IndustryWeek.Y.Contracts/IndustryWeek.Y.Contracts.csproj, whatever the module Y.</summary>
    public static bool IsContractsProject(string repoRelativePath) => ContractsProjectPattern().IsMatch(repoRelativePath);

    /// <summary>True for src/Modules/Y/IndustryWeek.Y/IndustryWeek.Y.csproj, whatever the module Y.</summary>
    public static bool IsModuleProject(string repoRelativePath) => ModuleProjectPattern().IsMatch(repoRelativePath);

    public static bool IsContractsAssembly(string assemblyName) =>
        assemblyName.StartsWith("IndustryWeek.", StringComparison.Ordinal)
        && assemblyName.EndsWith(".Contracts", StringComparison.Ordinal);

    public static string FullPath(string repoRelativePath) => Path.GetFullPath(Path.Combine(Root, repoRelativePath));

    public static string RelativePath(string fullPath) => Path.GetRelativePath(Root, fullPath).Replace('\\', '/');

    private static Assembly Load(string name) => Assembly.Load(new AssemblyName(name));

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, SolutionFileName)))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No folder above {AppContext.BaseDirectory} contains {SolutionFileName}: cannot locate the repository root.");
    }

    [GeneratedRegex(@"^src/Modules/([^/]+)/IndustryWeek\.\1\.Contracts/IndustryWeek\.\1\.Contracts\.csproj$")]
    private static partial Regex ContractsProjectPattern();

    [GeneratedRegex(@"^src/Modules/([^/]+)/IndustryWeek\.\1/IndustryWeek\.\1\.csproj$")]
    private static partial Regex ModuleProjectPattern();
}
