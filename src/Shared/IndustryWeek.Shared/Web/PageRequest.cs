using FluentValidation;
using FluentValidation.Results;

namespace IndustryWeek.Shared.Web;

/// <summary>
/// One page of a list (`?page=&amp;pageSize=`): the one paging rule of every paged endpoint and list page.
/// Page 1 is the first; a page past the end is an empty page, never the first one again. The page number is
/// at most <see cref="HighestNumber"/> and the size at most <see cref="LargestSize"/>, so that the rows skipped,
/// (page − 1) × size, always fit in the int that EF Core's Skip takes: page=2147483647 used to overflow into a
/// negative OFFSET (a 500 on PostgreSQL, the first page on SQLite).
/// </summary>
public readonly record struct PageRequest
{
    public const int HighestNumber = 100_000; // « 100 000 » in the message below

    public const int DefaultSize = 50;

    /// <summary>No list offers more; with <see cref="HighestNumber"/>, the offset stays below 10⁸.</summary>
    public const int LargestSize = 1_000;

    private PageRequest(int number, int size)
    {
        Number = number;
        Size = size;
    }

    /// <summary>1 for the first page.</summary>
    public int Number { get; }

    public int Size { get; }

    /// <summary>The rows before this page: at most (100 000 − 1) × 1 000, which fits in an int.</summary>
    public int Skip => (Number - 1) * Size;

    /// <summary>The first page of <paramref name="size"/> rows.</summary>
    public static PageRequest First(int size = DefaultSize) => From(1, size, size);

    /// <summary>
    /// The page a client asked for (null: the first page, of <paramref name="largestSize"/> rows at most and
    /// <see cref="DefaultSize"/> by default). A page below 1 or above <see cref="HighestNumber"/>, or a size out
    /// of 1..<paramref name="largestSize"/>, is refused with French field errors (« page », « pageSize »): a
    /// <see cref="ValidationException"/>, answered as a 400 problem details like every validation failure.
    /// </summary>
    public static PageRequest From(int? page, int? pageSize = null, int largestSize = DefaultSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(largestSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(largestSize, LargestSize);
        var number = page ?? 1;
        var size = pageSize ?? Math.Min(DefaultSize, largestSize);
        var failures = new List<ValidationFailure>();
        if (number is < 1 or > HighestNumber)
        {
            failures.Add(new ValidationFailure("page", "La page est un nombre entre 1 et 100 000."));
        }

        if (size < 1 || size > largestSize)
        {
            failures.Add(new ValidationFailure("pageSize", $"La taille de page est un nombre entre 1 et {largestSize}."));
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        return new PageRequest(number, size);
    }
}
