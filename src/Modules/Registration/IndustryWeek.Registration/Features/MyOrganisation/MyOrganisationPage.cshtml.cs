using IndustryWeek.Shared.Security;
using IndustryWeek.Shared.Web;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IndustryWeek.Registration.Features.MyOrganisation;

[Authorize(Policy = PlatformPolicies.OrganiserPages)]
internal sealed class MyOrganisationPageModel(IMediator mediator) : PageModel
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Type { get; set; }

    [BindProperty]
    public string? Siret { get; set; }

    [BindProperty]
    public string? Street { get; set; }

    [BindProperty]
    public string? PostalCode { get; set; }

    [BindProperty]
    public string? City { get; set; }

    [BindProperty]
    public string? ContactName { get; set; }

    [BindProperty]
    public string? ContactPhone { get; set; }

    public IReadOnlyList<string> Members { get; private set; } = [];

    [BindProperty]
    public string? ColleagueEmail { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (await mediator.Send(new GetMyOrganisationQuery(Actor.From(User).UserId), cancellationToken) is { } organisation)
        {
            (Name, Type, Siret, ContactName, ContactPhone, Members) =
                (organisation.Name, organisation.Type, organisation.Siret, organisation.ContactName, organisation.ContactPhone, organisation.Members);
            (Street, PostalCode, City) = (organisation.Address.Street, organisation.Address.PostalCode, organisation.Address.City);
        }
    }

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken cancellationToken)
    {
        var command = new InviteColleague.InviteColleagueCommand { UserId = Actor.From(User).UserId, Email = ColleagueEmail };
        if (await ModelState.SendFormAsync(() => mediator.Send(command, cancellationToken), field => field == "Email" ? "ColleagueEmail" : field) is { } invited)
        {
            TempData["Done"] = $"Invitation envoyée à {invited}.";
            return Redirect("/organisation");
        }

        await OnGetAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var actor = Actor.From(User);
        var command = new SaveMyOrganisationCommand
        {
            UserId = actor.UserId,
            UserEmail = actor.Email ?? "",
            Name = Name,
            Type = Type,
            Siret = Siret,
            Address = new AddressFields { Street = Street, PostalCode = PostalCode, City = City },
            ContactName = ContactName,
            ContactPhone = ContactPhone,
        };
        if (await ModelState.SendFormAsync(() => mediator.Send(command, cancellationToken), field => field.Replace("Address.", "", StringComparison.Ordinal)) is not null)
        {
            TempData["Done"] = "Votre organisation est enregistrée.";
            return Redirect("/organisation");
        }

        return Page();
    }
}
