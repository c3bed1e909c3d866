using System.Text;
using FluentValidation;
using FluentValidation.Results;
using IndustryWeek.Shared.Domain;
using IndustryWeek.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace IndustryWeek.Registration.Features.ResetPassword;

/// <summary>
/// Someone forgot their password: a confirmed account gets a link by mail. The answer is the same
/// whether the account exists or not, so that nobody can probe which addresses have one.
/// </summary>
internal sealed record RequestPasswordResetCommand(string? Email) : IRequest<Result<string>>;

internal sealed class RequestPasswordResetValidator : AbstractValidator<RequestPasswordResetCommand>
{
    public RequestPasswordResetValidator() =>
        RuleFor(c => c.Email).NotEmpty().WithMessage("L'adresse électronique est obligatoire.")
            .EmailAddress().WithMessage("Cette adresse électronique n'est pas valide.");
}

internal sealed class RequestPasswordResetCommandHandler(UserManager<IdentityUser> users, IEmailSender<IdentityUser> mail, SiteLinks links)
    : IRequestHandler<RequestPasswordResetCommand, Result<string>>
{
    public const string PagePath = "/nouveau-mot-de-passe";

    public async Task<Result<string>> Handle(RequestPasswordResetCommand request, CancellationToken cancellationToken)
    {
        var email = request.Email!.Trim();
        if (await users.FindByEmailAsync(email) is { EmailConfirmed: true } user)
        {
            var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
            await mail.SendPasswordResetLinkAsync(user, email, $"{links.To(PagePath)}?email={Uri.EscapeDataString(email)}&code={code}");
        }

        return email;
    }
}

/// <summary>The new password chosen from the mail's link.</summary>
internal sealed record ResetPasswordCommand(string? Email, string? Code, string? NewPassword) : IRequest<Result<string>>;

internal sealed class ResetPasswordValidator : AbstractValidator<ResetPasswordCommand>
{
    public ResetPasswordValidator() =>
        RuleFor(c => c.NewPassword).NotEmpty().WithMessage("Le nouveau mot de passe est obligatoire.");
}

internal sealed class ResetPasswordCommandHandler(UserManager<IdentityUser> users) : IRequestHandler<ResetPasswordCommand, Result<string>>
{
    private static readonly Error InvalidLink = Error.BusinessRule("password.invalid_link", "Ce lien n'est pas valide ou a expiré : demandez-en un nouveau.");

    public async Task<Result<string>> Handle(ResetPasswordCommand request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(request.Email) || string.IsNullOrEmpty(request.Code) || await users.FindByEmailAsync(request.Email) is not { } user)
        {
            return InvalidLink;
        }

        string token;
        try
        {
            token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(request.Code));
        }
        catch (FormatException)
        {
            return InvalidLink;
        }

        var reset = await users.ResetPasswordAsync(user, token, request.NewPassword!);
        if (reset.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
        {
            return InvalidLink;
        }

        if (!reset.Succeeded)
        {
            throw new ValidationException(reset.Errors.Select(e => new ValidationFailure(nameof(request.NewPassword), e.Description)));
        }

        return user.Email!;
    }
}
