using IndustryWeek.Shared.Domain;

namespace IndustryWeek.Registration.Domain.Organisations;

/// <summary>The kinds of organisations that run events (the press releases' « acteurs de l'industrie »).</summary>
internal enum OrganisationType
{
    IndustrialCompany,
    Federation,
    School,
    HigherEducation,
    TrainingCentre,
    LocalAuthority,
    PublicOperator,
    ChamberOfCommerce,
    Association,
    Other,
}

internal static class OrganisationTypes
{
    public static readonly IReadOnlyDictionary<OrganisationType, string> Labels = new Dictionary<OrganisationType, string>
    {
        [OrganisationType.IndustrialCompany] = "Entreprise industrielle",
        [OrganisationType.Federation] = "Fédération ou syndicat professionnel",
        [OrganisationType.School] = "Établissement scolaire",
        [OrganisationType.HigherEducation] = "Enseignement supérieur",
        [OrganisationType.TrainingCentre] = "Organisme de formation / CFA",
        [OrganisationType.LocalAuthority] = "Collectivité territoriale",
        [OrganisationType.PublicOperator] = "Administration ou opérateur public",
        [OrganisationType.ChamberOfCommerce] = "Chambre consulaire",
        [OrganisationType.Association] = "Association",
        [OrganisationType.Other] = "Autre",
    };
}

internal sealed record PostalAddress(string Street, string PostalCode, string City);

internal sealed record OrganisationProfile(string Name, OrganisationType Type, string? Siret, PostalAddress Address, string ContactName, string? ContactPhone);

/// <summary>An organisation that submits events; its members are the organiser accounts that act for it.</summary>
internal sealed class Organisation : AggregateRoot<Guid>
{
    private Organisation()
    {
    }

    public string Name { get; private set; } = "";

    public OrganisationType Type { get; private set; }

    public string? Siret { get; private set; }

    public PostalAddress Address { get; private set; } = null!;

    public string ContactName { get; private set; } = "";

    public string? ContactPhone { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    public int Revision { get; private set; }

    public List<OrganisationMember> Members { get; private set; } = [];

    public static Organisation Create(OrganisationProfile profile, string founderUserId, string founderEmail, DateTime nowUtc)
    {
        var organisation = new Organisation { Id = Guid.NewGuid(), CreatedAtUtc = nowUtc };
        organisation.Update(profile, nowUtc);
        organisation.Members.Add(new OrganisationMember(founderUserId, organisation.Id, founderEmail, nowUtc));
        return organisation;
    }

    public void Update(OrganisationProfile profile, DateTime nowUtc)
    {
        Name = profile.Name;
        Type = profile.Type;
        Siret = profile.Siret;
        Address = profile.Address;
        ContactName = profile.ContactName;
        ContactPhone = profile.ContactPhone;
        UpdatedAtUtc = nowUtc;
        Revision++;
    }
}

/// <summary>An organiser account acting for an organisation (one organisation per account).</summary>
internal sealed record OrganisationMember(string UserId, Guid OrganisationId, string Email, DateTime JoinedAtUtc);
