using FluentValidation;
using IndustryWeek.Shared.Web;

namespace IndustryWeek.Shared.Tests.Web;

public sealed class PageRequestTests
{
    [Theory]
    [InlineData(null, null, 1, 50, 0)]
    [InlineData(2, null, 2, 50, 50)]
    [InlineData(3, 20, 3, 20, 40)]
    [InlineData(100_000, 500, 100_000, 500, 49_999_500)]
    public void From_WhenInRange_GivesTheRowsToSkip(int? page, int? size, int number, int expectedSize, int skip)
    {
        var request = PageRequest.From(page, size, largestSize: 500);

        Assert.Equal((number, expectedSize, skip), (request.Number, request.Size, request.Skip));
    }

    [Fact]
    public void From_AtTheHighestPageOfTheLargestSize_SkipsWithoutOverflow()
    {
        var request = PageRequest.From(PageRequest.HighestNumber, PageRequest.LargestSize, PageRequest.LargestSize);

        Assert.Equal(99_999_000, request.Skip);
    }

    [Theory]
    [InlineData(0, null, "page")]
    [InlineData(-1, null, "page")]
    [InlineData(100_001, null, "page")]
    [InlineData(int.MaxValue, null, "page")]
    [InlineData(int.MinValue, null, "page")]
    [InlineData(1, 0, "pageSize")]
    [InlineData(1, 51, "pageSize")]
    [InlineData(1, int.MaxValue, "pageSize")]
    public void From_WhenOutOfRange_IsAFrenchFieldError(int page, int? size, string field)
    {
        var error = Assert.Throws<ValidationException>(() => PageRequest.From(page, size));

        var failure = Assert.Single(error.Errors);
        Assert.Equal(field, failure.PropertyName);
        Assert.StartsWith(field == "page" ? "La page est un nombre entre 1 et 100 000" : "La taille de page est un nombre entre 1 et 50", failure.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void From_WhenBothAreWrong_NamesBoth()
    {
        var error = Assert.Throws<ValidationException>(() => PageRequest.From(0, 0));

        Assert.Equal(["page", "pageSize"], error.Errors.Select(e => e.PropertyName));
    }
}
