using IndustryWeek.Shared.Web;
using Microsoft.AspNetCore.Http;

namespace IndustryWeek.Shared.Tests.Web;

public sealed class ListPageNumberTests
{
    [Theory]
    [InlineData("?page=2", 2)]
    [InlineData("?page=1", 1)]
    [InlineData("", 1)]
    [InlineData("?page=0", 1)]
    [InlineData("?page=-3", 1)]
    [InlineData("?page=deux", 1)]
    [InlineData("?page=%2B2", 1)]
    [InlineData("?page=99999999999", 100_000)] // far past the end: the highest (empty) page, not the first
    [InlineData("?page=2147483647", 100_000)]
    [InlineData("?page=250000", 100_000)]
    [InlineData("?page=1&page=2", 1)]
    public void From_ReadsThePageOfTheQuery_OrThe1stPage(string query, int expected)
    {
        var context = new DefaultHttpContext();
        context.Request.QueryString = new QueryString(query);
        // What Razor Pages put in the route values: the page's own name, never a number.
        context.Request.RouteValues["page"] = "/Kits/KitDeliveriesPage";

        Assert.Equal(expected, ListPageNumber.From(context.Request));
    }

    [Fact]
    public void From_ReadsAnotherParameterWhenAsked()
    {
        var context = new DefaultHttpContext();
        context.Request.QueryString = new QueryString("?p=3&page=7");

        Assert.Equal(3, ListPageNumber.From(context.Request, "p"));
    }
}
