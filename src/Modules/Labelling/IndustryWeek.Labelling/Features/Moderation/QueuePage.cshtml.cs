using System.Text.Json;
using IndustryWeek.Labelling.Features.BulkGrant;
using IndustryWeek.Labelling.Features.Queue;
using IndustryWeek.Shared.Security;
using IndustryWeek.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IndustryWeek.Labelling.Features.Moderation;

/// <summary>The moderator's queue: their regions' applications, oldest first, with filters and a bulk grant.</summary>
[Authorize(Policy = PlatformPolicies.ModeratorPages)]
internal sealed class QueuePageModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; } = "Pending";

    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Department { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Format { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    /// <summary>submitted (oldest first, the default), deadline, commune.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    /// <summary>The queue's filters and order as a query string (« ?Status=…&amp;Sort=… »), carried to an application's page for its « précédente / suivante ».</summary>
    public string QueueQuery => QueueLinks.Query(QueueLinks.Parameters(Status, Region, Department, Format, Overdue, CurrentSort));

    public string CurrentSort => QueueLinks.Sort(Sort);

    /// <summary>« ?p= » (« page » is the Razor page's own route value).</summary>
    public int PageNumber => ListPageNumber.From(Request, "p");

    [BindProperty]
    public List<Guid> Selected { get; set; } = [];

    public ApplicationPageDto Applications { get; private set; } = new([], 0, 1, 50);

    /// <summary>The last bulk grant's outcome, carried over its redirect (post/redirect/get): failures only, with their reasons.</summary>
    [TempData]
    public string? BulkGrantOutcome { get; set; }

    public BulkGrantResult? Granted { get; private set; }

    public Actor Moderator => Actor.From(User);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Granted = BulkGrantOutcome is { } outcome ? JsonSerializer.Deserialize<BulkGrantResult>(outcome) : null;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostBulkGrantAsync(CancellationToken cancellationToken)
    {
        if (Selected.Count == 0)
        {
            ModelState.AddModelError(string.Empty, "Sélectionnez au moins une demande à labelliser.");
            await LoadAsync(cancellationToken);
            return Page();
        }

        // Back to the queue as it was filtered, so that reloading the page never grants again.
        var granted = await mediator.Send(new BulkGrantCommand(Selected, Moderator), cancellationToken);
        BulkGrantOutcome = JsonSerializer.Serialize(granted with { Items = [.. granted.Items.Where(i => i.Outcome == "failed")] });
        return RedirectToPage(new { Status, Region, Department, Format, Overdue, Sort = CurrentSort, p = PageNumber > 1 ? PageNumber : (int?)null });
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Applications = await mediator.Send(
            QueueLinks.Queue(Moderator, Status, Region, Department, Format, Overdue, CurrentSort, PageRequest.From(PageNumber)),
            cancellationToken);
}
