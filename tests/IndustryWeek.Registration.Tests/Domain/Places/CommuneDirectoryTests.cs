using IndustryWeek.Registration.Domain.Places;

namespace IndustryWeek.Registration.Tests.Domain.Places;

/// <summary>The official COG data from npm and the centres written from it, as the build leaves them under src/Host/node_modules.</summary>
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

    [Theory]
    [InlineData("59300", "59606", 50.36, 3.52)] // Valenciennes
    [InlineData("20000", "2A004", 41.92, 8.74)] // Ajaccio
    [InlineData("97600", "97611", -12.78, 45.23)] // Mamoudzou
    [InlineData("69001", "69123", 45.75, 4.85)] // Lyon
    public void Find_WhenGeoNamesListsTheCommune_ItsPinGoesToTheCommunesCentre(string postalCode, string insee, double latitude, double longitude)
    {
        var centre = Directory.Find(postalCode, insee)!.Centre;

        Assert.NotNull(centre);
        Assert.True(centre.OfCommune);
        Assert.Equal(latitude, centre.Latitude, 0.05);
        Assert.Equal(longitude, centre.Longitude, 0.05);
    }

    [Fact]
    public void Find_WhenGeoNamesDoesNotListTheCommune_ItsPinGoesToTheDepartmentsChefLieu()
    {
        // Abancourt (59268), 441 inhabitants, is not in GeoNames' list: Lille, the Nord's chef-lieu.
        var centre = Directory.Find("59268", "59001")!.Centre;

        Assert.NotNull(centre);
        Assert.False(centre.OfCommune);
        Assert.Equal(50.63, centre.Latitude, 0.05);
        Assert.Equal(3.06, centre.Longitude, 0.05);
    }

    [Fact]
    public void EveryCommuneOfADepartment_HasACentre()
    {
        var postalCodes = Enumerable.Range(1000, 99000).Select(code => code.ToString("00000", System.Globalization.CultureInfo.InvariantCulture));
        var communes = postalCodes.SelectMany(Directory.ByPostalCode).Where(c => c.DepartmentCode.Length == 2 || c.DepartmentCode is "971" or "972" or "973" or "974" or "976").ToList();

        Assert.True(communes.Count > 34_000, $"{communes.Count} communes");
        Assert.All(communes, c => Assert.NotNull(c.Centre));
        // GeoNames lists the places of 1,000 inhabitants or more: about a quarter of the communes, three quarters of the people.
        Assert.True(communes.Where(c => c.Centre!.OfCommune).Select(c => c.InseeCode).Distinct().Count() > 8_000);
    }

    /// <summary>A folder laid out like the application's « cog » folder.</summary>
    private static string DataDirectory()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "IndustryWeek.slnx")))
        {
            directory = directory.Parent;
        }

        var nodeModules = Path.Combine(directory!.FullName, "src", "Host", "node_modules");
        var cog = System.IO.Directory.CreateTempSubdirectory("cog-").FullName;
        foreach (var file in new[] { "communes.json", "departements.json", "regions.json" })
        {
            File.Copy(Path.Combine(nodeModules, "@etalab", "decoupage-administratif", "data", file), Path.Combine(cog, file));
        }

        File.Copy(Path.Combine(nodeModules, ".cog", "centres.json"), Path.Combine(cog, "centres.json"));
        return cog;
    }
}
