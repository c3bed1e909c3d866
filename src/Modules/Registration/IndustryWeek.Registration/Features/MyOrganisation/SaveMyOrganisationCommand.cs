using System.Text.Json.Serialization;
using FluentValidation;
using IndustryWeek.Registration.Domain.Organisations;
using IndustryWeek.Shared.Domain;
using MediatR;

namespace IndustryWeek.Registration.Features.MyOrganisation;

internal sealed record AddressFields
{
    public string? Street { get; init; }

    public string? PostalCode { get; init; }

    public string? City { get; init; }
}

/// <summary>The body of PUT /api/me/organisation: creates the organiser's organisation, or updates it.</summary>
internal sealed record SaveMyOrganisationCommand : IRequest<Result<OrganisationDto>>
{
    [JsonIgnore]
    public string UserId { get; init; } = "";

    [JsonIgnore]
    public string UserEmail { get; init; } = "";

    public string? Name { get; init; }

    public string? Type { get; init; }

    public string? Siret { get; init; }

    public AddressFields? Address { get; init; }

    public string? ContactName { get; init; }

    public string? ContactPhone { get; init; }

    public OrganisationProfile ToProfile() => new(
        Name!.Trim(),
        Enum.Parse<OrganisationType>(Type!, ignoreCase: true),
        string.IsNullOrWhiteSpace(Siret) ? null : Domain.Organisations.Siret.Normalize(Siret),
        new PostalAddress(Address!.Street!.Trim(), Address.PostalCode!.Trim(), Address.City!.Trim()),
        ContactName!.Trim(),
        string.IsNullOrWhiteSpace(ContactPhone) ? null : ContactPhone.Trim());
}

internal sealed class SaveMyOrganisationValidator : AbstractValidator<SaveMyOrganisationCommand>
{
    public SaveMyOrganisationValidator()
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("Le nom de l'organisation est obligatoire.")
            .MaximumLength(200).WithMessage("Le nom de l'organisation ne doit pas dépasser 200 caractères.")
            .Must(Events.EventFieldsValidator.SingleLine).WithMessage("Le nom de l'organisation tient sur une ligne, sans caractère de contrôle.");
        RuleFor(c => c.Type).NotEmpty().WithMessage("Le type d'organisation est obligatoire.");
        RuleFor(c => c.Type)
            .Must(t => Enum.TryParse<OrganisationType>(t, ignoreCase: true, out var type) && Enum.IsDefined(type) && !int.TryParse(t, out _))
            .When(c => !string.IsNullOrEmpty(c.Type))
            .WithMessage(c => $"« {c.Type} » n'est pas un type d'organisation ; types possibles : {string.Join(", ", Enum.GetNames<OrganisationType>())}.");
        RuleFor(c => c.Siret)
            .Must(Domain.Organisations.Siret.IsValid)
            .When(c => !string.IsNullOrWhiteSpace(c.Siret))
            .WithMessage("Ce numéro SIRET n'est pas valide : il compte 14 chiffres et sa clé de contrôle doit être juste.");
        RuleFor(c => c.Address).NotNull().WithMessage("L'adresse est obligatoire.");
        RuleFor(c => c.Address!.Street).NotEmpty().WithMessage("La voie de l'adresse est obligatoire.")
            .MaximumLength(200).WithMessage("La voie ne doit pas dépasser 200 caractères.").When(c => c.Address is not null);
        RuleFor(c => c.Address!.PostalCode).NotEmpty().WithMessage("Le code postal est obligatoire.")
            .Matches("^[0-9]{5}$").WithMessage("Le code postal compte cinq chiffres.").When(c => c.Address is not null);
        RuleFor(c => c.Address!.City).NotEmpty().WithMessage("La commune est obligatoire.")
            .MaximumLength(100).WithMessage("La commune ne doit pas dépasser 100 caractères.").When(c => c.Address is not null);
        RuleFor(c => c.ContactName).NotEmpty().WithMessage("Le nom du contact est obligatoire.")
            .MaximumLength(100).WithMessage("Le nom du contact ne doit pas dépasser 100 caractères.");
        RuleFor(c => c.ContactPhone)
            .Matches(@"^(\+33 ?|0)[1-9]([ .-]?[0-9]{2}){4}$")
            .When(c => !string.IsNullOrWhiteSpace(c.ContactPhone))
            .WithMessage("Ce numéro de téléphone n'est pas valide (par exemple 03 20 96 48 06).");
    }
}
