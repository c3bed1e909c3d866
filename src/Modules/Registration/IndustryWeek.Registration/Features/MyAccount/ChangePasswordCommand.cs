using FluentValidation;
using FluentValidation.Results;
using IndustryWeek.Shared.Domain;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace IndustryWeek.Registration.Features.MyAccount;

/// <summary>A signed-in person changes their password, giving the current one (the first administrator's included).</summary>
internal sealed record ChangePasswordCommand(string UserId, string? CurrentPassword, string? NewPassword, string? Confirmation) : IRequest<Result<string>>;

internal sealed class ChangePasswordValidator : AbstractValidator<ChangePasswordCommand>
{
    public ChangePasswordValidator()
    {
        RuleFor(c => c.CurrentPassword).NotEmpty().WithMessage("Indiquez votre mot de passe actuel.");
        RuleFor(c => c.NewPassword).NotEmpty().WithMessage("Le nouveau mot de passe est obligatoire.");
        RuleFor(c => c.Confirmation).Equal(c => c.NewPassword).When(c => !string.IsNullOrEmpty(c.NewPassword))
            .WithMessage("La confirmation n'est pas identique au nouveau mot de passe.");
    }
}

internal sealed class ChangePasswordCommandHandler(UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn) : IRequestHandler<ChangePasswordCommand, Result<string>>
{
    public async Task<Result<string>> Handle(ChangePasswordCommand request, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(request.UserId) ?? throw new InvalidOperationException($"No account {request.UserId} for a signed-in person.");
        var changed = await users.ChangePasswordAsync(user, request.CurrentPassword!, request.NewPassword!);
        if (!changed.Succeeded)
        {
            throw new ValidationException(changed.Errors.Select(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)
                ? new ValidationFailure(nameof(request.CurrentPassword), "Ce n'est pas votre mot de passe actuel.")
                : new ValidationFailure(nameof(request.NewPassword), e.Description)));
        }

        // The security stamp changed: the cookie of this session is issued again, other sessions end.
        await signIn.RefreshSignInAsync(user);
        return user.Email!;
    }
}
