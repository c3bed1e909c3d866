using System.Net;
using IndustryWeek.Shared.Mail;
using IndustryWeek.Shared.Web;
using Microsoft.AspNetCore.Identity;

namespace IndustryWeek.Registration.Accounts;

/// <summary>Identity's account mails, in French, through the platform's mail sender.</summary>
internal sealed class IdentityMailSender(IMailSender mail, SiteLinks links) : IEmailSender<IdentityUser>
{
    public Task SendConfirmationLinkAsync(IdentityUser user, string email, string confirmationLink) =>
        mail.SendAsync(
            new OutgoingMail(email, "Confirmez votre adresse électronique – Semaine de l'industrie", $"""
                Bonjour,

                Pour activer votre compte organisateur de la Semaine de l'industrie, confirmez votre adresse en ouvrant ce lien.

                Confirmer mon adresse : {ToConfirmationPage(WebUtility.HtmlDecode(confirmationLink))}

                Si vous n'avez pas créé de compte, ignorez ce message.
                """),
            CancellationToken.None);

    public Task SendPasswordResetLinkAsync(IdentityUser user, string email, string resetLink) =>
        mail.SendAsync(
            new OutgoingMail(email, "Réinitialisation de votre mot de passe – Semaine de l'industrie", $"""
                Bonjour,

                Pour choisir un nouveau mot de passe, ouvrez ce lien.

                Choisir un nouveau mot de passe : {WebUtility.HtmlDecode(resetLink)}
                """),
            CancellationToken.None);

    public Task SendPasswordResetCodeAsync(IdentityUser user, string email, string resetCode) =>
        mail.SendAsync(
            new OutgoingMail(email, "Code de réinitialisation – Semaine de l'industrie", $"""
                Bonjour,

                Votre code de réinitialisation du mot de passe : {resetCode}
                """),
            CancellationToken.None);

    /// <summary>
    /// Someone tried to create an account with the address of an existing one: its owner is told so, with
    /// the way back into the account, instead of a second account (the registration's answer is the same).
    /// </summary>
    /// <param name="confirmationLink">For an account whose address is not confirmed yet (resetting the password needs it), else null.</param>
    public Task SendAccountAlreadyExistsAsync(string email, string signInLink, string resetLink, string? confirmationLink)
    {
        var confirm = confirmationLink is null
            ? ""
            : $"Votre adresse n'est pas encore confirmée : confirmez-la d'abord.\n\nConfirmer mon adresse : {confirmationLink}\n\n";
        return mail.SendAsync(
            new OutgoingMail(email, "Tentative de création de compte avec votre adresse – Semaine de l'industrie", $"""
                Bonjour,

                Quelqu'un a voulu créer un compte organisateur de la Semaine de l'industrie avec votre adresse électronique, {email}. Vous avez déjà un compte : aucun autre n'a été créé.

                {confirm}Si c'était vous, connectez-vous ou, si vous avez oublié votre mot de passe, réinitialisez-le.

                Me connecter : {signInLink}

                Réinitialiser mon mot de passe : {resetLink}

                Si ce n'était pas vous, ignorez ce message : votre compte n'a pas changé.
                """),
            CancellationToken.None);
    }

    /// <summary>
    /// Identity's link (its resend endpoint's) leads to its API, on whatever host the request named; the mail
    /// leads to the French page on `Site:PublicUrl` instead, same parameters.
    /// </summary>
    private string ToConfirmationPage(string link)
    {
        var query = link.IndexOf('?', StringComparison.Ordinal) is var at and >= 0 ? link[at..] : "";
        return links.To(Features.ConfirmEmail.ConfirmEmailPageModel.Path) + query;
    }
}
