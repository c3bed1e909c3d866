using System.Reflection;
using System.Runtime.CompilerServices;
using IndustryWeek.Architecture.Tests.Support;
using MediatR;

namespace IndustryWeek.Architecture.Tests;

/// <summary>Rule 5: the notifications a module publishes are immutable facts: public sealed records with init-only values.</summary>
public class NotificationTests
{
    private static readonly string[] ForbiddenSuffixes = ["Command", "Query", "Request"];

    [Theory]
    [MemberData(nameof(Modules.All), MemberType = typeof(Modules))]
    public void Notifications_InContractsAssembly_ArePublicSealedRecords(string module)
    {
        var assembly = Layout.LoadContracts(module);

        Violations.AssertNone(
            $"Every INotification in {assembly.GetName().Name} must be a public sealed record.",
            NotificationsIn(assembly)
                .Select(notification => (notification, problems: RecordProblems(notification)))
                .Where(n => n.problems.Count > 0)
                .Select(n => $"{Violations.Describe(n.notification)} is {string.Join(", ", n.problems)}")
                .Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Modules.All), MemberType = typeof(Modules))]
    public void Notifications_InContractsAssembly_HaveNoPublicSetters(string module)
    {
        var assembly = Layout.LoadContracts(module);

        Violations.AssertNone(
            $"Every public property of an INotification in {assembly.GetName().Name} must be init-only (or get-only).",
            NotificationsIn(assembly)
                .SelectMany(notification => notification
                    .GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
                    .Where(HasPublicRegularSetter)
                    .Select(property => $"{Violations.Describe(notification)}.{property.Name} has a public set accessor"))
                .Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Modules.All), MemberType = typeof(Modules))]
    public void Notifications_InContractsAssembly_AreNamedAsFacts(string module)
    {
        var assembly = Layout.LoadContracts(module);

        Violations.AssertNone(
            $"An INotification in {assembly.GetName().Name} states a past fact (LabelGranted): its name must not end with {string.Join(", ", ForbiddenSuffixes)}.",
            NotificationsIn(assembly)
                .Where(notification => ForbiddenSuffixes.Any(suffix => notification.Name.EndsWith(suffix, StringComparison.Ordinal)))
                .Select(Violations.Describe)
                .Order(StringComparer.Ordinal));
    }

    /// <summary>Guards the rules above against passing because the scan finds nothing.</summary>
    [Fact]
    public void NotificationScan_FindsNotificationsInContractsAssemblies()
    {
        var notifications = Layout.ModuleNames.SelectMany(module => NotificationsIn(Layout.LoadContracts(module))).ToList();

        Violations.AssertNone(
            "The notification scan must find the published notifications, or the rules above check nothing.",
            notifications.Count > 0 ? [] : [$"no INotification found in {string.Join(", ", Layout.ModuleNames.Select(Layout.ContractsAssemblyName))}"]);
    }

    private static IEnumerable<Type> NotificationsIn(Assembly assembly) =>
        assembly.GetTypes().Where(type => !type.IsInterface && typeof(INotification).IsAssignableFrom(type));

    private static List<string> RecordProblems(Type notification)
    {
        var problems = new List<string>();
        // Visible = public and, if nested, inside public types only: what other modules can see.
        if (!notification.IsVisible)
        {
            problems.Add("not public");
        }

        if (!notification.IsSealed)
        {
            problems.Add("not sealed");
        }

        // The compiler gives every record class a "<Clone>$" method (what `with` calls); no other class has one.
        if (!notification.IsClass || notification.GetMethod("<Clone>$", BindingFlags.Public | BindingFlags.Instance) is null)
        {
            problems.Add("not a record class");
        }

        return problems;
    }

    private static bool HasPublicRegularSetter(PropertyInfo property) =>
        property.SetMethod is { IsPublic: true } setter
        && !setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit));
}
