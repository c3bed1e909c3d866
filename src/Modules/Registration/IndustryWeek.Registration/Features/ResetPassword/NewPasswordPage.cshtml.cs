using IndustryWeek.Registration.Features.Accounts;
using IndustryWeek.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace IndustryWeek.Registration.Features.ResetPassword;

[EnableRateLimiting(AccountEndpoints.RateLimitPolicy)]
internal sealed class NewPasswordPageModel(IMediator mediator) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Email { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    public bool Done { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Done = await ModelState.SendFormAsync(() => mediator.Send(new ResetPasswordCommand(Email, Code, NewPassword), cancellationToken), field => field) is not null;
        return Page();
    }
}
