using System.Net;
using IndustryWeek.Shared.Mail;
using Microsoft.AspNetCore.Identity;

namespace IndustryWeek.Registration.Accounts;

/// <summary>Identity's account mails, in French, through the platform's mail sender.</summary>
internal sealed class IdentityMailSender(IMailSender mail) : IEmailSender<IdentityUser>
{
    public Task SendConfirmationLinkAsync(IdentityUser user, string email, string confirmationLink) =>
        mail.SendAsync(
            new OutgoingMail(email, "Confirmez votre adresse électronique – Semaine de l'industrie", $"""
                Bonjour,

                Pour activer votre compte organisateur de la Semaine de l'industrie, confirmez votre adresse en ouvrant ce lien :
                {ToConfirmationPage(WebUtility.HtmlDecode(confirmationLink))}

                Si vous n'avez pas créé de compte, ignorez ce message.
                """),
            CancellationToken.None);

    public Task SendPasswordResetLinkAsync(IdentityUser user, string email, string resetLink) =>
        mail.SendAsync(
            new OutgoingMail(email, "Réinitialisation de votre mot de passe – Semaine de l'industrie", $"""
                Bonjour,

                Pour choisir un nouveau mot de passe, ouvrez ce lien :
                {WebUtility.HtmlDecode(resetLink)}
                """),
            CancellationToken.None);

    public Task SendPasswordResetCodeAsync(IdentityUser user, string email, string resetCode) =>
        mail.SendAsync(
            new OutgoingMail(email, "Code de réinitialisation – Semaine de l'industrie", $"""
                Bonjour,

                Votre code de réinitialisation du mot de passe : {resetCode}
                """),
            CancellationToken.None);

    /// <summary>Identity's link leads to its API (plain English text); the mail leads to the French page instead, same parameters.</summary>
    private static string ToConfirmationPage(string apiLink) =>
        apiLink.Replace("/api/identity/confirmEmail", Features.ConfirmEmail.ConfirmEmailPageModel.Path, StringComparison.OrdinalIgnoreCase);
}
