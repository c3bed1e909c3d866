using IndustryWeek.Shared.Security;
using IndustryWeek.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IndustryWeek.Registration.Features.InviteColleague;

/// <summary>Where the invitation mail leads: the invited organiser, signed in, joins the organisation.</summary>
[Authorize(Policy = PlatformPolicies.OrganiserPages)]
internal sealed class InvitationPageModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Jeton { get; set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var actor = Actor.From(User);
        if (await ModelState.SendFormAsync(() => mediator.Send(new AcceptInvitationCommand(Jeton, actor.UserId, actor.Email), cancellationToken), field => field) is { } organisation)
        {
            TempData["Done"] = $"Vous avez rejoint {organisation}.";
            return Redirect("/organisation");
        }

        return Page();
    }
}
