using System.Xml.Linq;

namespace IndustryWeek.Architecture.Tests.Support;

/// <summary>The references an SDK-style .csproj declares, read with System.Xml.Linq (no MSBuild evaluation).</summary>
internal sealed class ProjectFile
{
    private ProjectFile(string relativePath, XDocument document)
    {
        RelativePath = relativePath;
        var folder = Path.GetDirectoryName(Layout.FullPath(relativePath))!;
        ProjectReferences = Includes(document, "ProjectReference")
            .Select(include => Layout.RelativePath(Path.GetFullPath(Path.Combine(folder, include.Replace('\\', '/')))))
            .ToList();
        PackageReferences = Includes(document, "PackageReference");
        FrameworkReferences = Includes(document, "FrameworkReference");
        AssemblyReferences = Includes(document, "Reference");
    }

    /// <summary>The project's path from the repository root, with forward slashes.</summary>
    public string RelativePath { get; }

    /// <summary>Each ProjectReference, resolved to a path from the repository root with forward slashes.</summary>
    public IReadOnlyList<string> ProjectReferences { get; }

    public IReadOnlyList<string> PackageReferences { get; }

    public IReadOnlyList<string> FrameworkReferences { get; }

    /// <summary>Plain &lt;Reference&gt; items (direct references to assembly files).</summary>
    public IReadOnlyList<string> AssemblyReferences { get; }

    public static ProjectFile Load(string repoRelativePath)
    {
        var fullPath = Layout.FullPath(repoRelativePath);
        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException($"Expected project file {repoRelativePath} does not exist.", fullPath);
        }

        return new ProjectFile(repoRelativePath, XDocument.Load(fullPath));
    }

    // Matched on local names so that a project file with the legacy MSBuild namespace is read the same way.
    private static List<string> Includes(XDocument document, string itemName) =>
        document.Descendants()
            .Where(e => e.Name.LocalName == itemName)
            .Select(e => (string?)e.Attribute("Include"))
            .Where(include => !string.IsNullOrWhiteSpace(include))
            .Select(include => include!.Trim())
            .ToList();
}
