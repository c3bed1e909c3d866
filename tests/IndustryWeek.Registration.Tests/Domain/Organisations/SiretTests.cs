using IndustryWeek.Registration.Domain.Organisations;

namespace IndustryWeek.Registration.Tests.Domain.Organisations;

public sealed class SiretTests
{
    [Theory]
    [InlineData("73282932000074")]
    [InlineData("732 829 320 00074")]
    [InlineData("35600000000048")] // La Poste's head office: the Luhn key holds
    [InlineData("35600000049837")] // a La Poste establishment: its digits add up to a multiple of 5
    public void IsValid_WhenKeyIsRight_True(string siret) => Assert.True(Siret.IsValid(siret));

    [Theory]
    [InlineData("73282932000075")] // wrong key
    [InlineData("7328293200007")] // 13 digits
    [InlineData("732829320000741")] // 15 digits
    [InlineData("7328293200007A")]
    [InlineData("35600000049838")] // La Poste's rule broken
    [InlineData("")]
    public void IsValid_WhenNotAValidSiret_False(string siret) => Assert.False(Siret.IsValid(siret));

    [Fact]
    public void Normalize_WhenTypedWithSpaces_KeepsTheDigits() => Assert.Equal("73282932000074", Siret.Normalize(" 732 829 320 00074 "));
}
