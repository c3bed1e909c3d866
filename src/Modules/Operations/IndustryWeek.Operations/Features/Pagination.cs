namespace IndustryWeek.Operations.Features;

/// <summary>A list's pages: at most <see cref="WindowSize"/> numbered links around the current page, plus first, previous, next and last.</summary>
/// <param name="Href">The link to a page number.</param>
internal sealed record Pagination(int Page, int Total, int PageSize, Func<int, string> Href)
{
    public const int WindowSize = 10;

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    /// <summary>The page numbers linked, the current one among them (about in the middle).</summary>
    public IReadOnlyList<int> Window
    {
        get
        {
            var current = Math.Clamp(Page, 1, Pages);
            var last = Math.Min(Pages, Math.Max(current + (WindowSize / 2) - 1, WindowSize));
            var first = Math.Max(1, last - WindowSize + 1);
            return Enumerable.Range(first, last - first + 1).ToList();
        }
    }
}
