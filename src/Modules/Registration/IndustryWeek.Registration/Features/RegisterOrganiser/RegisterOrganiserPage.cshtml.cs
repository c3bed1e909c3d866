using IndustryWeek.Registration.Features.Accounts;
using IndustryWeek.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace IndustryWeek.Registration.Features.RegisterOrganiser;

[EnableRateLimiting(AccountEndpoints.RateLimitPolicy)]
internal sealed class RegisterOrganiserPageModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public string? MailSentTo { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        MailSentTo = await ModelState.SendFormAsync(
            () => mediator.Send(new RegisterOrganiserCommand(Email, Password), cancellationToken),
            field => field);
        return Page();
    }
}
