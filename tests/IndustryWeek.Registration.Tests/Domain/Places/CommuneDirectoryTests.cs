using IndustryWeek.Registration.Domain.Places;

namespace IndustryWeek.Registration.Tests.Domain.Places;

/// <summary>The official COG data from npm, as installed by the build under src/Host/node_modules.</summary>
public sealed class CommuneDirectoryTests
{
    private static readonly CommuneDirectory Directory = new(DataDirectory());

    [Fact]
    public void ByPostalCode_WhenSeveralCommunes_ListsThemAllByName()
    {
        var communes = Directory.ByPostalCode("59300");

        Assert.Equal(["Aulnoy-lez-Valenciennes", "Famars", "Valenciennes"], communes.Select(c => c.Name));
        var valenciennes = communes[2];
        Assert.Equal(("59606", "59", "Nord", "32", "Hauts-de-France"), (valenciennes.InseeCode, valenciennes.DepartmentCode, valenciennes.DepartmentName, valenciennes.RegionCode, valenciennes.RegionName));
    }

    [Theory]
    [InlineData("20000", "2A004", "Ajaccio", "2A", "Corse-du-Sud", "94", "Corse")]
    [InlineData("20200", "2B033", "Bastia", "2B", "Haute-Corse", "94", "Corse")]
    [InlineData("97139", "97101", "Les Abymes", "971", "Guadeloupe", "01", "Guadeloupe")]
    [InlineData("97600", "97611", "Mamoudzou", "976", "Mayotte", "06", "Mayotte")]
    [InlineData("75008", "75056", "Paris", "75", "Paris", "11", "Île-de-France")]
    public void Find_WhenPostalCodeServesTheCommune_GivesItsDepartmentAndRegion(string postalCode, string insee, string name, string department, string departmentName, string region, string regionName)
    {
        var commune = Directory.Find(postalCode, insee);

        Assert.NotNull(commune);
        Assert.Equal((name, department, departmentName, region, regionName), (commune.Name, commune.DepartmentCode, commune.DepartmentName, commune.RegionCode, commune.RegionName));
    }

    [Fact]
    public void Find_WhenCommuneIsNotServedByThatPostalCode_Null() => Assert.Null(Directory.Find("59300", "2A004"));

    [Fact]
    public void ByPostalCode_WhenUnknown_Empty() => Assert.Empty(Directory.ByPostalCode("00000"));

    private static string DataDirectory()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "IndustryWeek.slnx")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory!.FullName, "src", "Host", "node_modules", "@etalab", "decoupage-administratif", "data");
    }
}
