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

    /// <summary>A signed-in person asked to change their address: the new one receives the link that makes the change.</summary>
    public Task SendEmailChangeLinkAsync(string newEmail, string currentEmail, string changeLink) =>
        mail.SendAsync(
            new OutgoingMail(newEmail, "Confirmez votre nouvelle adresse électronique – Semaine de l'industrie", $"""
                Bonjour,

                Vous avez demandé que votre compte de la Semaine de l'industrie, jusqu'ici à l'adresse {currentEmail}, utilise désormais celle-ci, {newEmail}. Le changement n'est fait que lorsque vous ouvrez ce lien ; vous vous connecterez ensuite avec la nouvelle adresse.

                Confirmer ma nouvelle adresse : {changeLink}

                Le lien ne sert qu'une fois. Si vous n'avez rien demandé, ignorez ce message : aucun compte ne change.
                """),
            CancellationToken.None);

    /// <summary>
    /// The address an account has until the change is confirmed hears of the request, so that its owner can stop a
    /// change they did not ask for (a new password makes the link of the change useless).
    /// </summary>
    public Task SendEmailChangeNoticeAsync(string currentEmail, string newEmail, string resetLink) =>
        mail.SendAsync(
            new OutgoingMail(currentEmail, "Demande de changement de votre adresse électronique – Semaine de l'industrie", $"""
                Bonjour,

                Une demande de changement de l'adresse de votre compte de la Semaine de l'industrie vient d'être faite : de {currentEmail} vers {newEmail}. Un lien de confirmation a été envoyé à la nouvelle adresse ; tant qu'il n'est pas ouvert, votre compte garde cette adresse-ci.

                Si c'était vous, il n'y a rien d'autre à faire.

                Si ce n'était pas vous, changez votre mot de passe : le lien envoyé à la nouvelle adresse ne servira plus.

                Choisir un nouveau mot de passe : {resetLink}
                """),
            CancellationToken.None);

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
