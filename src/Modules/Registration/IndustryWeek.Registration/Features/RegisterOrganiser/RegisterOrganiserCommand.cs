using FluentValidation;
using FluentValidation.Results;
using IndustryWeek.Registration.Accounts;
using IndustryWeek.Registration.Features.ResetPassword;
using IndustryWeek.Registration.Features.SignIn;
using IndustryWeek.Registration.Persistence;
using IndustryWeek.Shared.Domain;
using IndustryWeek.Shared.Security;
using IndustryWeek.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Identity;

namespace IndustryWeek.Registration.Features.RegisterOrganiser;

/// <summary>
/// An organiser creates their account (the API's /api/identity/register and the /inscription page):
/// the account and its Organiser role are created together, then the confirmation mail is sent.
/// An address that already has an account gets the same answer, and its owner a mail instead of a
/// new account, so that nobody can learn from registering which addresses have one.
/// </summary>
/// <returns>The address a mail was sent to (whichever of the two).</returns>
internal sealed record RegisterOrganiserCommand(string? Email, string? Password) : IRequest<Result<string>>;

internal sealed class RegisterOrganiserValidator : AbstractValidator<RegisterOrganiserCommand>
{
    public RegisterOrganiserValidator()
    {
        RuleFor(c => c.Email).NotEmpty().WithMessage("L'adresse électronique est obligatoire.")
            .EmailAddress().WithMessage("Cette adresse électronique n'est pas valide.")
            .MaximumLength(256).WithMessage("L'adresse électronique ne doit pas dépasser 256 caractères.");
        RuleFor(c => c.Password).NotEmpty().WithMessage("Le mot de passe est obligatoire.")
            .MaximumLength(200).WithMessage("Le mot de passe ne doit pas dépasser 200 caractères.");
    }
}

internal sealed class RegisterOrganiserCommandHandler(UserManager<IdentityUser> users, RegistrationDbContext db, IdentityMailSender mail, SiteLinks links, AccountLinks accountLinks)
    : IRequestHandler<RegisterOrganiserCommand, Result<string>>
{
    public async Task<Result<string>> Handle(RegisterOrganiserCommand request, CancellationToken cancellationToken)
    {
        var email = request.Email!.Trim();
        var user = new IdentityUser { UserName = email, Email = email };

        // The password policy first: its errors do not depend on whether the address has an account.
        await CheckPasswordAsync(user, request.Password!);
        if (await ExistingAccountAsync(email) is { } owner)
        {
            // The same expensive work as creating an account (hashing the password), so that the answer takes as long.
            _ = users.PasswordHasher.HashPassword(user, request.Password!);
            await TellOwnerAsync(owner);
            return email;
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var created = await users.CreateAsync(user, request.Password!);
            if (!created.Succeeded && created.Errors.All(IsDuplicate))
            {
                // Registered a moment ago by a concurrent request: the same answer as for any existing account.
                await transaction.RollbackAsync(cancellationToken);
                await TellOwnerAsync(await ExistingAccountAsync(email) ?? throw new InvalidOperationException($"Identity says {email} exists but finds no account."));
                return email;
            }

            if (!created.Succeeded)
            {
                // Identity's other rules (password policy, user name) become field errors, in French.
                throw new ValidationException(created.Errors.Select(e => new ValidationFailure(
                    e.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(request.Password) : nameof(request.Email),
                    e.Description)));
            }

            var role = await users.AddToRoleAsync(user, PlatformRoles.Organiser);
            if (!role.Succeeded)
            {
                throw new InvalidOperationException(string.Join(" ", role.Errors.Select(e => e.Description)));
            }

            await transaction.CommitAsync(cancellationToken);
        }

        await mail.SendConfirmationLinkAsync(user, email, await accountLinks.ConfirmationAsync(user));
        return email;
    }

    private async Task CheckPasswordAsync(IdentityUser user, string password)
    {
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            errors.AddRange((await validator.ValidateAsync(users, user, password)).Errors);
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors.Select(e => new ValidationFailure(nameof(RegisterOrganiserCommand.Password), e.Description)));
        }
    }

    private async Task<IdentityUser?> ExistingAccountAsync(string email) =>
        await users.FindByEmailAsync(email) ?? await users.FindByNameAsync(email);

    private static bool IsDuplicate(IdentityError error) =>
        error.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName);

    /// <summary>The owner learns that someone tried, with the links to sign in, reset the password or, unconfirmed, confirm the address.</summary>
    private async Task TellOwnerAsync(IdentityUser owner)
    {
        var confirmation = owner.EmailConfirmed ? null : await accountLinks.ConfirmationAsync(owner);
        await mail.SendAccountAlreadyExistsAsync(owner.Email!, links.To(SignInPageModel.Path), links.To(ForgotPasswordPageModel.Path), confirmation);
    }
}
