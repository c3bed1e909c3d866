using FluentValidation;
using IndustryWeek.Registration.Accounts;
using IndustryWeek.Shared.Domain;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace IndustryWeek.Registration.Features.ResendConfirmation;

/// <summary>
/// Someone lost or let expire the confirmation link of their new account (the /confirmation-email/nouveau-lien page
/// and the API's /api/identity/resendConfirmationEmail): an existing account whose address is not confirmed gets a
/// new one. The answer is the same whether the account exists, is confirmed or not, so that nobody learns which addresses have one.
/// </summary>
internal sealed record ResendConfirmationCommand(string? Email) : IRequest<Result<string>>;

internal sealed class ResendConfirmationValidator : AbstractValidator<ResendConfirmationCommand>
{
    public ResendConfirmationValidator() =>
        RuleFor(c => c.Email).NotEmpty().WithMessage("L'adresse électronique est obligatoire.")
            .MaximumLength(256).WithMessage("L'adresse électronique ne doit pas dépasser 256 caractères.")
            .EmailAddress().WithMessage("Cette adresse électronique n'est pas valide.");
}

internal sealed class ResendConfirmationCommandHandler(UserManager<IdentityUser> users, IdentityMailSender mail, AccountLinks links)
    : IRequestHandler<ResendConfirmationCommand, Result<string>>
{
    public async Task<Result<string>> Handle(ResendConfirmationCommand request, CancellationToken cancellationToken)
    {
        var email = request.Email!.Trim();
        if (await users.FindByEmailAsync(email) is { EmailConfirmed: false } user)
        {
            await mail.SendConfirmationLinkAsync(user, user.Email!, await links.ConfirmationAsync(user));
        }

        return email;
    }
}
