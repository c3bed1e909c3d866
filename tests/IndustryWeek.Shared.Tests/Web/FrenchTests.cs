using IndustryWeek.Shared.Web;

namespace IndustryWeek.Shared.Tests.Web;

public sealed class FrenchTests
{
    [Theory]
    [InlineData(0, "0 demande")]
    [InlineData(1, "1 demande")]
    [InlineData(2, "2 demandes")]
    [InlineData(1500, "1500 demandes")]
    public void Count_KeepsTheSingularBelowTwo(int count, string expected) =>
        Assert.Equal(expected, French.Count(count, "demande", "demandes"));

    [Theory]
    [InlineData("Usine Martin", "d'Usine Martin")]
    [InlineData("Évreux Industrie", "d'Évreux Industrie")]
    [InlineData("aciérie de Dunkerque", "d'aciérie de Dunkerque")]
    [InlineData("Valenciennes Métropole", "de Valenciennes Métropole")]
    [InlineData("Hachette", "de Hachette")]
    [InlineData("  Orano", "d'Orano")]
    public void Of_ElidesBeforeAVowel(string name, string expected) => Assert.Equal(expected, French.Of(name));
}
