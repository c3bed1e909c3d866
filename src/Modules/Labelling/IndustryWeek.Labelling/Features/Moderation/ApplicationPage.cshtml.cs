using IndustryWeek.Labelling.Features.Decide;
using IndustryWeek.Labelling.Features.GrantLabel;
using IndustryWeek.Labelling.Features.Queue;
using IndustryWeek.Labelling.Features.StockReasons;
using IndustryWeek.Shared.Domain;
using IndustryWeek.Shared.Security;
using IndustryWeek.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IndustryWeek.Labelling.Features.Moderation;

/// <summary>One application: the event, the criteria, the deadline, the organiser's history, the audit trail, and the decisions.</summary>
[Authorize(Policy = PlatformPolicies.ModeratorPages)]
internal sealed class ApplicationPageModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    [BindProperty]
    public string? ChangesComment { get; set; }

    [BindProperty]
    public string? RevocationReason { get; set; }

    [BindProperty]
    public string? StockReason { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    // The queue the moderator came from (its filters and order, in the address): « précédente / suivante » follow it.
    [BindProperty(SupportsGet = true, Name = "Status")]
    public string? QueueStatus { get; set; } = "Pending";

    [BindProperty(SupportsGet = true, Name = "Region")]
    public string? QueueRegion { get; set; }

    [BindProperty(SupportsGet = true, Name = "Department")]
    public string? QueueDepartment { get; set; }

    [BindProperty(SupportsGet = true, Name = "Format")]
    public string? QueueFormat { get; set; }

    [BindProperty(SupportsGet = true, Name = "Overdue")]
    public bool QueueOverdue { get; set; }

    [BindProperty(SupportsGet = true, Name = "Sort")]
    public string? QueueSort { get; set; }

    public string QueueQuery => QueueLinks.Query(QueueRoute);

    /// <summary>The same, for the decision forms' addresses: after a decision, the page keeps its queue.</summary>
    public Dictionary<string, string> QueueRoute => QueueLinks.Parameters(QueueStatus, QueueRegion, QueueDepartment, QueueFormat, QueueOverdue, CurrentSort);

    private string CurrentSort => QueueLinks.Sort(QueueSort);

    public QueueNeighboursDto? Neighbours { get; private set; }

    public ApplicationDto? Application { get; private set; }

    /// <summary>Reasons moderators give most often (administrators edit them); they can also write their own.</summary>
    public IReadOnlyList<StockReasonDto> StockReasons { get; private set; } = [];

    /// <summary>The stock reason that says « doublon » (administrators may have reworded it), for the one-click refusal.</summary>
    public string DuplicateReason =>
        StockReasons.FirstOrDefault(r => r.Text.Contains("doublon", StringComparison.OrdinalIgnoreCase))?.Text ?? "L'événement est déjà déclaré (doublon).";

    /// <summary>What the organiser reads after the stock reason: which event this one repeats.</summary>
    public static string SameEventAs(LookAlikeDto other) =>
        $"Même événement que « {other.Title} » ({other.OrganisationName}{(other.LabelNumber is null ? "" : $", label {other.LabelNumber}")}).";

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => ShowAsync(cancellationToken);

    public async Task<IActionResult> OnPostGrantAsync(CancellationToken cancellationToken)
    {
        var actor = Actor.From(User);
        var granted = await ModelState.SendFormAsync(() => mediator.Send(new GrantLabelCommand(Id, Comment, actor), cancellationToken), f => f);
        return granted is null ? await ShowAsync(cancellationToken) : Done($"Label attribué : {granted.LabelNumber}.");
    }

    public Task<IActionResult> OnPostRefuseAsync(CancellationToken cancellationToken) =>
        DecideAsync(DecisionAction.Refuse, string.Join(" ", new[] { StockReason, Reason }.Where(r => !string.IsNullOrWhiteSpace(r))), "Label refusé.", "Reason", cancellationToken);

    public Task<IActionResult> OnPostRequestChangesAsync(CancellationToken cancellationToken) =>
        DecideAsync(DecisionAction.RequestChanges, ChangesComment, "Modifications demandées à l'organisateur.", nameof(ChangesComment), cancellationToken);

    public Task<IActionResult> OnPostRevokeAsync(CancellationToken cancellationToken) =>
        DecideAsync(DecisionAction.Revoke, RevocationReason, "Label retiré.", nameof(RevocationReason), cancellationToken);

    /// <param name="field">The form's field the command's `reason` or `comment` is typed in.</param>
    private async Task<IActionResult> DecideAsync(DecisionAction action, string? text, string done, string field, CancellationToken cancellationToken)
    {
        var decided = await ModelState.SendFormAsync(() => mediator.Send(new DecideCommand(Id, action, text, Actor.From(User)), cancellationToken), f => f is "Reason" or "Comment" ? field : f);
        return decided is null ? await ShowAsync(cancellationToken) : Done(done);
    }

    private RedirectResult Done(string message)
    {
        TempData["Done"] = message;
        return Redirect($"/moderation/demandes/{Id}{QueueQuery}");
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        var found = await mediator.Send(new GetApplicationQuery(Id, Actor.From(User)), cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error!.Kind == ErrorKind.Forbidden ? StatusCode(StatusCodes.Status403Forbidden) : NotFound();
        }

        Application = found.Value;
        StockReasons = await mediator.Send(new GetStockReasonsQuery(), cancellationToken);
        var actor = Actor.From(User);
        Neighbours = await mediator.Send(
            new GetQueueNeighboursQuery(QueueLinks.Queue(actor, QueueStatus, QueueRegion, QueueDepartment, QueueFormat, QueueOverdue, CurrentSort, PageRequest.First()), Id),
            cancellationToken);
        return Page();
    }
}
