using IndustryWeek.Registration.Domain.Organisations;
using IndustryWeek.Registration.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using IndustryWeek.Shared.Web;

namespace IndustryWeek.Registration.Features.MyOrganisation;

internal sealed record OrganisationDto(
    Guid Id,
    string Name,
    [property: ApiValues(typeof(OrganisationType))] string Type,
    string TypeLabel,
    string? Siret,
    PostalAddress Address,
    string ContactName,
    string? ContactPhone,
    IReadOnlyList<string> Members);

internal static class OrganisationMapping
{
    public static OrganisationDto ToDto(this Organisation organisation) => new(
        organisation.Id,
        organisation.Name,
        organisation.Type.ToString(),
        OrganisationTypes.Labels[organisation.Type],
        organisation.Siret,
        organisation.Address,
        organisation.ContactName,
        organisation.ContactPhone,
        [.. organisation.Members.Select(m => m.Email).Order(StringComparer.OrdinalIgnoreCase)]);
}

/// <summary>The organisation the signed-in organiser acts for, or null before they describe it.</summary>
internal sealed record GetMyOrganisationQuery(string UserId) : IRequest<OrganisationDto?>;

internal sealed class GetMyOrganisationQueryHandler(RegistrationDbContext db) : IRequestHandler<GetMyOrganisationQuery, OrganisationDto?>
{
    public async Task<OrganisationDto?> Handle(GetMyOrganisationQuery request, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.AsNoTracking().Include(o => o.Members)
            .Where(o => o.Members.Any(m => m.UserId == request.UserId))
            .SingleOrDefaultAsync(cancellationToken);
        return organisation?.ToDto();
    }
}
