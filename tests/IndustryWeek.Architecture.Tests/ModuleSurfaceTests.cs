using System.Reflection;
using IndustryWeek.Architecture.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryWeek.Architecture.Tests;

/// <summary>Rule 3: everything in a module but its registration entry point is internal.</summary>
public class ModuleSurfaceTests
{
    [Theory]
    [MemberData(nameof(Modules.All), MemberType = typeof(Modules))]
    public void ModuleAssembly_ExportsOnlyItsEntryPoint(string module)
    {
        var assembly = Layout.LoadModule(module);
        var entryPoint = EntryPointName(module);

        Violations.AssertNone(
            $"{assembly.GetName().Name} must export no public type but its entry point {entryPoint}; make these internal.",
            assembly.GetExportedTypes()
                .Where(type => type.Name != entryPoint || type.IsNested)
                .Select(Violations.Describe)
                .Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Modules.All), MemberType = typeof(Modules))]
    public void ModuleEntryPoint_IsStaticClassWithAddAndMapMethods(string module)
    {
        var assembly = Layout.LoadModule(module);
        var entryPointName = EntryPointName(module);
        var entryPoint = assembly.GetExportedTypes().SingleOrDefault(type => type.Name == entryPointName && !type.IsNested);
        Assert.True(entryPoint is not null, $"{assembly.GetName().Name} exports no public type named {entryPointName}.");

        var violations = new List<string>();
        if (!(entryPoint.IsClass && entryPoint.IsAbstract && entryPoint.IsSealed))
        {
            violations.Add($"{Violations.Describe(entryPoint)} is not a static class");
        }

        CheckMethod(entryPoint, $"Add{module}Module", [typeof(IServiceCollection), typeof(IConfiguration)], violations);
        CheckMethod(entryPoint, $"Map{module}Module", [typeof(IEndpointRouteBuilder)], violations);

        Violations.AssertNone($"The entry point of module {module} must be a static class {entryPointName} with Add{module}Module and Map{module}Module.", violations);
    }

    private static string EntryPointName(string module) => $"{module}Module";

    private static void CheckMethod(Type entryPoint, string name, Type[] parameters, List<string> violations)
    {
        var signature = $"public static {name}({string.Join(", ", parameters.Select(p => p.Name))})";
        if (entryPoint.GetMethod(name, BindingFlags.Public | BindingFlags.Static, parameters) is null)
        {
            var found = entryPoint.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => m.Name == name)
                .Select(m => $"{(m.IsPublic ? "public" : "non-public")} {(m.IsStatic ? "static " : "")}{m.Name}({string.Join(", ", m.GetParameters().Select(p => p.ParameterType.Name))})")
                .ToList();
            violations.Add($"{Violations.Describe(entryPoint)} has no {signature}"
                + (found.Count > 0 ? $" (found: {string.Join("; ", found)})" : ""));
        }
    }
}
