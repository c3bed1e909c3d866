using IndustryWeek.Editions.Features.ChangeEditionStatus;
using IndustryWeek.Shared.Security;
using IndustryWeek.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IndustryWeek.Editions.Features.ManageEditions;

[Authorize(Policy = PlatformPolicies.AdministratorPages)]
internal sealed class EditionPageModel(IMediator mediator) : PageModel
{
    public EditionDto Edition { get; private set; } = null!;

    [TempData]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostPublishAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, EditionTransition.Publish, "L'édition est publiée.", cancellationToken);

    public Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, EditionTransition.Close, "L'édition est clôturée : les inscriptions sont fermées.", cancellationToken);

    public Task<IActionResult> OnPostArchiveAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, EditionTransition.Archive, "L'édition est archivée.", cancellationToken);

    private async Task<IActionResult> ChangeAsync(Guid id, EditionTransition transition, string done, CancellationToken cancellationToken)
    {
        var result = await mediator.Send(new ChangeEditionStatusCommand(id, transition), cancellationToken);
        if (result.IsSuccess)
        {
            Done = done;
            return Redirect($"/admin/editions/{id}");
        }

        ModelState.AddError(result.Error!);
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var edition = await mediator.FindEditionAsync(id, cancellationToken);
        Edition = edition!;
        return edition is not null;
    }
}
