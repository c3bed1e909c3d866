using FluentValidation;
using IndustryWeek.Shared.Domain;
using IndustryWeek.Shared.PublishedLanguage;
using IndustryWeek.Shared.Security;
using MediatR;

namespace IndustryWeek.Registration.Features.AssignRoles;

/// <summary>
/// The body of POST /api/admin/users/{email}/roles: the account's roles and, for a moderator, the
/// regions they moderate. Replaces what the account had; takes effect at its next sign-in.
/// </summary>
internal sealed record AssignRolesCommand : IRequest<Result<UserRolesDto>>
{
    [System.Text.Json.Serialization.JsonIgnore]
    public string Email { get; init; } = "";

    [System.Text.Json.Serialization.JsonIgnore]
    public string AssignedBy { get; init; } = "";

    public IReadOnlyList<string>? Roles { get; init; }

    public IReadOnlyList<string>? Regions { get; init; }
}

internal sealed record UserRolesDto(string Email, IReadOnlyList<string> Roles, IReadOnlyList<string> Regions);

internal sealed class AssignRolesValidator : AbstractValidator<AssignRolesCommand>
{
    public AssignRolesValidator()
    {
        RuleFor(c => c.Roles).NotNull().WithMessage("La liste des rôles est obligatoire (elle peut être vide).");
        RuleForEach(c => c.Roles)
            .Must(role => PlatformRoles.All.Contains(role))
            .WithMessage((_, role) => $"« {role} » n'est pas un rôle ; rôles possibles : {string.Join(", ", PlatformRoles.All)}.");
        RuleForEach(c => c.Regions)
            .Must(Regions.IsRegionCode)
            .WithMessage((_, region) => $"« {region} » n'est pas un code de région officiel (COG), par exemple 32 pour les Hauts-de-France.");
        RuleFor(c => c.Regions)
            .Must(regions => regions!.Count == 0)
            .When(c => c.Regions is not null && c.Roles?.Contains(PlatformRoles.Moderator) != true)
            .WithMessage("Des régions ne se donnent qu'avec le rôle Moderator.");
        RuleFor(c => c.Regions)
            .Must(regions => regions is { Count: > 0 })
            .When(c => c.Roles?.Contains(PlatformRoles.Moderator) == true)
            .WithMessage("Un modérateur modère au moins une région.");
    }
}
