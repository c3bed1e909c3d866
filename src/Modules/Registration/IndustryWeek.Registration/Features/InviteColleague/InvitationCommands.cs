using System.Text.Json.Serialization;
using FluentValidation;
using IndustryWeek.Registration.Domain.Organisations;
using IndustryWeek.Registration.Persistence;
using IndustryWeek.Shared.Domain;
using IndustryWeek.Shared.Mail;
using IndustryWeek.Shared.Web;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace IndustryWeek.Registration.Features.InviteColleague;

/// <summary>The body of POST /api/me/organisation/invitations: a member invites a colleague by email.</summary>
internal sealed record InviteColleagueCommand : IRequest<Result<string>>
{
    [JsonIgnore]
    public string UserId { get; init; } = "";

    public string? Email { get; init; }
}

internal sealed class InviteColleagueValidator : AbstractValidator<InviteColleagueCommand>
{
    public InviteColleagueValidator() =>
        RuleFor(c => c.Email).NotEmpty().WithMessage("L'adresse électronique du collègue est obligatoire.")
            .EmailAddress().WithMessage("Cette adresse électronique n'est pas valide.")
            .Must(BeAMailbox).When(c => !string.IsNullOrWhiteSpace(c.Email) && c.Email.Length <= 256, ApplyConditionTo.CurrentValidator).WithMessage("Cette adresse électronique n'est pas valide.")
            .MaximumLength(256).WithMessage("L'adresse électronique ne doit pas dépasser 256 caractères.");

    /// <summary>An address a mail can be sent to: « a@b » with markup or line breaks in it passes EmailAddress() but not the mail header.</summary>
    private static bool BeAMailbox(string? email) =>
        System.Net.Mail.MailAddress.TryCreate(email!.Trim(), out var address) && address.Address == email.Trim() && address.DisplayName.Length == 0;
}

internal sealed class InviteColleagueCommandHandler(RegistrationDbContext db, IMailSender mail, SiteLinks links, TimeProvider time)
    : IRequestHandler<InviteColleagueCommand, Result<string>>
{
    public const string PagePath = "/invitation";

    public async Task<Result<string>> Handle(InviteColleagueCommand request, CancellationToken cancellationToken)
    {
        var inviter = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.UserId == request.UserId, cancellationToken);
        if (inviter is null)
        {
            return Error.NotFound("organisation.none", "Décrivez d'abord votre organisation avant d'y inviter un collègue.");
        }

        var email = request.Email!.Trim();
        var normalized = email.ToUpperInvariant();
        // Identity's normalized address (upper invariant) is what identifies an account.
        if (await db.Members.Join(db.Users, m => m.UserId, u => u.Id, (_, u) => u.NormalizedEmail).AnyAsync(e => e == normalized, cancellationToken))
        {
            return Error.Conflict("organisation.already_member", $"{email} fait déjà partie d'une organisation.");
        }

        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == inviter.OrganisationId, cancellationToken);
        var invitation = OrganisationInvitation.Create(organisation.Id, email, inviter.Email, time.GetUtcNow().UtcDateTime);
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(cancellationToken);
        await mail.SendAsync(
            new OutgoingMail(email, $"{inviter.Email} vous invite à rejoindre {organisation.Name} – Semaine de l'industrie", $"""
                Bonjour,

                {inviter.Email} vous invite à inscrire des événements à la Semaine de l'industrie au nom {French.Of(organisation.Name)}.

                Pour rejoindre l'organisation, connectez-vous (ou créez votre compte organisateur) avec cette adresse, {email}, puis ouvrez ce lien.

                Rejoindre {organisation.Name} : {links.To(PagePath)}?jeton={invitation.Token:N}

                Ce lien est valable 14 jours.
                """),
            cancellationToken);
        return email;
    }
}

/// <summary>The invited colleague, signed in with the invited address, joins the organisation.</summary>
internal sealed record AcceptInvitationCommand(Guid Token, string UserId, string? UserEmail) : IRequest<Result<string>>;

internal sealed class AcceptInvitationCommandHandler(RegistrationDbContext db, TimeProvider time) : IRequestHandler<AcceptInvitationCommand, Result<string>>
{
    public async Task<Result<string>> Handle(AcceptInvitationCommand request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.Token == request.Token, cancellationToken);
        if (invitation is null || !invitation.IsUsable(now))
        {
            return Error.NotFound("invitation.invalid", "Cette invitation n'existe pas, a déjà servi ou a expiré : demandez-en une nouvelle.");
        }

        if (!invitation.IsFor(request.UserEmail))
        {
            return Error.Forbidden("invitation.other_address", $"Cette invitation est adressée à {invitation.Email} : connectez-vous avec ce compte.");
        }

        if (await db.Members.AnyAsync(m => m.UserId == request.UserId, cancellationToken))
        {
            return Error.Conflict("organisation.already_member", "Votre compte fait déjà partie d'une organisation.");
        }

        var organisation = await db.Organisations.SingleAsync(o => o.Id == invitation.OrganisationId, cancellationToken);
        db.Members.Add(new OrganisationMember(request.UserId, organisation.Id, request.UserEmail!.Trim(), now));
        invitation.Accept(now);
        await db.SaveChangesAsync(cancellationToken);
        return organisation.Name;
    }
}
