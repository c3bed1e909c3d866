using System.Globalization;
using FluentValidation;
using IndustryWeek.Shared.Outbox;
using IndustryWeek.Shared.Security;
using IndustryWeek.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace IndustryWeek.Operations.Features.Outbox;

/// <summary>/ops/outbox: the modules' messages waiting to be published, or given up on; operators give a failed one a new round.</summary>
[Authorize(Policy = PlatformPolicies.OperationsPages)]
internal sealed class OutboxPageModel(IMediator mediator) : OpsPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Etat { get; set; }

    public OutboxState State => Enum.TryParse<OutboxState>(Etat, ignoreCase: true, out var state) && !int.TryParse(Etat, out _) ? state : OutboxState.Pending;

    public OutboxPageDto Messages { get; private set; } = new([], 0);

    public Pagination Pagination => new(PageNumber, Messages.Total, PageRequest.DefaultSize, Link);

    public string Link(int page) => "/ops/outbox" + Query(("etat", State.ToString()), ("page", page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null));

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostRetryAsync(string module, long id, CancellationToken cancellationToken)
    {
        if (!CanAct)
        {
            return Forbid();
        }

        var retried = await mediator.Send(new RetryOutboxMessageCommand(Actor.From(User), module, id), cancellationToken);
        if (retried.IsSuccess)
        {
            TempData["Done"] = $"Le message {retried.Value.Type} ({retried.Value.Module}) a une nouvelle série de tentatives, à partir de maintenant.";
            return Redirect(Link(PageNumber));
        }

        ModelState.AddError(retried.Error!);
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            Messages = await mediator.Send(new ListOutboxQuery(State.ToString(), PageRequest.From(PageNumber)), cancellationToken);
        }
        catch (ValidationException e)
        {
            ModelState.AddValidationErrors(e, _ => string.Empty);
        }
    }
}
