using System.Text;
using FluentValidation;
using FluentValidation.Results;
using IndustryWeek.Registration.Features.ConfirmEmail;
using IndustryWeek.Registration.Persistence;
using IndustryWeek.Shared.Domain;
using IndustryWeek.Shared.Security;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace IndustryWeek.Registration.Features.RegisterOrganiser;

/// <summary>
/// An organiser creates their account (the API's /api/identity/register and the /inscription page):
/// the account and its Organiser role are created together, then the confirmation mail is sent.
/// </summary>
/// <returns>The address the confirmation mail was sent to.</returns>
internal sealed record RegisterOrganiserCommand(string? Email, string? Password, string SiteUrl) : IRequest<Result<string>>;

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

internal sealed class RegisterOrganiserCommandHandler(UserManager<IdentityUser> users, RegistrationDbContext db, IEmailSender<IdentityUser> mail)
    : IRequestHandler<RegisterOrganiserCommand, Result<string>>
{
    public async Task<Result<string>> Handle(RegisterOrganiserCommand request, CancellationToken cancellationToken)
    {
        var email = request.Email!.Trim();
        var user = new IdentityUser { UserName = email, Email = email };
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var created = await users.CreateAsync(user, request.Password!);
            if (!created.Succeeded)
            {
                // Identity's own rules (password policy, existing account) become field errors, in French.
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

        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GenerateEmailConfirmationTokenAsync(user)));
        var link = $"{request.SiteUrl.TrimEnd('/')}{ConfirmEmailPageModel.Path}?userId={Uri.EscapeDataString(user.Id)}&code={code}";
        await mail.SendConfirmationLinkAsync(user, email, link);
        return email;
    }
}
