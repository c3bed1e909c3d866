using IndustryWeek.Shared.Mapping;
using IndustryWeek.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IndustryWeek.Host.Tests.Mapping;

/// <summary>Every module's Mapster configuration compiles (copies and projections): a mapping error fails here, not in a request.</summary>
public sealed class ModuleMappingTests
{
    [Fact]
    public async Task ModuleMappings_WhenCompiled_HaveNoMappingError()
    {
        await using var database = TestDatabase.CreateSqlite();
        await using var platform = new PlatformFactory(database);

        var mappings = platform.Services.GetServices<ModuleMapping>().ToList();

        Assert.Equal(["CommunicationKit", "Editions", "Labelling", "Operations", "Registration"], mappings.Select(m => m.Module).Order(StringComparer.Ordinal));
        foreach (var mapping in mappings)
        {
            mapping.Config.Compile();
            mapping.Config.CompileProjection();
        }
    }
}
