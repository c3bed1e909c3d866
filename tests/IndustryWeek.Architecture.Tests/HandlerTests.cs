using System.Reflection;
using IndustryWeek.Architecture.Tests.Support;
using MediatR;

namespace IndustryWeek.Architecture.Tests;

/// <summary>Rule 4: MediatR handlers are internal sealed, registered by scanning, never called from outside their module.</summary>
public class HandlerTests
{
    private static readonly Type[] HandlerInterfaces = [typeof(INotificationHandler<>), typeof(IRequestHandler<,>)];

    [Theory]
    [MemberData(nameof(Modules.All), MemberType = typeof(Modules))]
    public void Handlers_InModuleAssembly_AreInternalAndSealed(string module)
    {
        var assembly = Layout.LoadModule(module);

        Violations.AssertNone(
            $"Every INotificationHandler<> / IRequestHandler<,> in {assembly.GetName().Name} must be internal sealed.",
            HandlersIn(assembly)
                .Select(handler => (handler, problems: Problems(handler)))
                .Where(h => h.problems.Count > 0)
                .Select(h => $"{Violations.Describe(h.handler)} is {string.Join(" and ", h.problems)}")
                .Order(StringComparer.Ordinal));
    }

    /// <summary>Guards the rule above against passing because the scan finds nothing.</summary>
    [Fact]
    public void HandlerScan_FindsHandlersInModuleAssemblies()
    {
        var handlers = Layout.ModuleNames.SelectMany(module => HandlersIn(Layout.LoadModule(module))).ToList();

        Violations.AssertNone(
            "The handler scan must find the modules' handlers, or the rule above checks nothing.",
            handlers.Count > 0 ? [] : [$"no INotificationHandler<> or IRequestHandler<,> found in {string.Join(", ", Layout.ModuleNames.Select(Layout.ModuleAssemblyName))}"]);
    }

    private static IEnumerable<Type> HandlersIn(Assembly assembly) =>
        assembly.GetTypes().Where(type => type.IsClass && type.GetInterfaces().Any(IsHandlerInterface));

    private static bool IsHandlerInterface(Type type) =>
        type.IsGenericType && HandlerInterfaces.Contains(type.GetGenericTypeDefinition());

    private static List<string> Problems(Type handler)
    {
        var problems = new List<string>();
        if (handler.IsPublic || handler.IsNestedPublic)
        {
            problems.Add("public");
        }

        if (!handler.IsSealed)
        {
            problems.Add("not sealed");
        }

        return problems;
    }
}
