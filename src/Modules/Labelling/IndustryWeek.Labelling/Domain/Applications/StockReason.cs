namespace IndustryWeek.Labelling.Domain.Applications;

/// <summary>A refusal reason moderators give often; administrators edit the list, moderators pick from it or write their own.</summary>
internal sealed class StockReason
{
    private StockReason()
    {
    }

    public Guid Id { get; private set; }

    public string Text { get; private set; } = "";

    public DateTime CreatedAtUtc { get; private set; }

    public static StockReason Create(string text, DateTime nowUtc) => new() { Id = Guid.NewGuid(), Text = text, CreatedAtUtc = nowUtc };
}
