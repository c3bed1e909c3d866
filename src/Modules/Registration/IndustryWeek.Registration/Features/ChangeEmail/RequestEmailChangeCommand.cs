using FluentValidation;
using FluentValidation.Results;
using IndustryWeek.Registration.Accounts;
using IndustryWeek.Registration.Features.ResetPassword;
using IndustryWeek.Shared.Domain;
using IndustryWeek.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace IndustryWeek.Registration.Features.ChangeEmail;

/// <summary>
/// A signed-in person asks to use another address (the /mon-compte page and the API's /api/identity/manage/info),
/// giving their current password: the new address receives a link that makes the change (Identity's change-email
/// token, bound to that address), the current one a notice. Nothing changes until the link is followed.
/// </summary>
/// <returns>The new address the link was sent to.</returns>
internal sealed record RequestEmailChangeCommand(string UserId, string? NewEmail, string? CurrentPassword) : IRequest<Result<string>>;

internal sealed class RequestEmailChangeValidator : AbstractValidator<RequestEmailChangeCommand>
{
    public RequestEmailChangeValidator()
    {
        RuleFor(c => c.NewEmail).NotEmpty().WithMessage("Indiquez la nouvelle adresse électronique.")
            .MaximumLength(256).WithMessage("L'adresse électronique ne doit pas dépasser 256 caractères.")
            .EmailAddress().WithMessage("Cette adresse électronique n'est pas valide.");
        RuleFor(c => c.CurrentPassword).NotEmpty().WithMessage("Indiquez votre mot de passe actuel.")
            .MaximumLength(200).WithMessage("Ce n'est pas votre mot de passe actuel.");
    }
}

internal sealed class RequestEmailChangeCommandHandler(UserManager<IdentityUser> users, IdentityMailSender mail, AccountLinks accountLinks, SiteLinks links)
    : IRequestHandler<RequestEmailChangeCommand, Result<string>>
{
    public async Task<Result<string>> Handle(RequestEmailChangeCommand request, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(request.UserId) ?? throw new InvalidOperationException($"No account {request.UserId} for a signed-in person.");
        if (!await users.CheckPasswordAsync(user, request.CurrentPassword!))
        {
            throw Invalid(nameof(request.CurrentPassword), "Ce n'est pas votre mot de passe actuel.");
        }

        var newEmail = request.NewEmail!.Trim();
        if (string.Equals(users.NormalizeEmail(newEmail), user.NormalizedEmail, StringComparison.Ordinal))
        {
            throw Invalid(nameof(request.NewEmail), "C'est déjà l'adresse de votre compte.");
        }

        // Only the person signed in, who gave their password, learns this; it names no account.
        if (await users.FindByEmailAsync(newEmail) is not null || await users.FindByNameAsync(newEmail) is { } named && named.Id != user.Id)
        {
            throw Invalid(nameof(request.NewEmail), "Cette adresse est déjà utilisée par un autre compte : choisissez-en une autre.");
        }

        await mail.SendEmailChangeLinkAsync(newEmail, user.Email!, await accountLinks.EmailChangeAsync(user, newEmail));
        await mail.SendEmailChangeNoticeAsync(user.Email!, newEmail, links.To(ForgotPasswordPageModel.Path));
        return newEmail;
    }

    private static ValidationException Invalid(string field, string message) => new([new ValidationFailure(field, message)]);
}
