using System.Globalization;
using IndustryWeek.Registration.Accounts;
using IndustryWeek.Registration.Domain.Events;
using IndustryWeek.Registration.Domain.Organisations;
using IndustryWeek.Registration.Domain.Places;
using IndustryWeek.Registration.Features.CreateEvent;
using IndustryWeek.Registration.Features.Events;
using IndustryWeek.Registration.Features.MyOrganisation;
using IndustryWeek.Registration.Features.SubmitEvent;
using IndustryWeek.Registration.Persistence;
using IndustryWeek.Shared;
using IndustryWeek.Shared.Domain;
using IndustryWeek.Shared.PublishedLanguage;
using IndustryWeek.Shared.Security;
using MediatR;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace IndustryWeek.Registration.Features.SeedDemo;

/// <summary>
/// Demo organisations (one organiser account each) and their events in the edition open for
/// registration, spread over the 18 regions, created through the module's commands: most submitted,
/// some still drafts. `seed-demo --events 5000` makes enough for the benchmarks; run again, it only
/// adds the events missing.
/// </summary>
internal sealed partial class RegistrationDemoSeeder(
    IMediator mediator,
    UserManager<IdentityUser> users,
    RoleManager<IdentityRole> roles,
    RegistrationDbContext db,
    CommuneDirectory communes,
    ILogger<RegistrationDemoSeeder> logger) : IDemoSeeder
{
    public const string Domain = "demo.semaine-industrie.fr";

    /// <summary>The first three demo organisers can sign in with it (README).</summary>
    public const string Password = "Organisateur-Demo-2027";

    private const int SignInAccounts = 3;

    public int Order => 20;

    public async Task SeedAsync(DemoOptions options, CancellationToken cancellationToken)
    {
        var edition = await mediator.Send(new GetEventEditionQuery(), cancellationToken);
        if (edition is null)
        {
            LogNoEdition(logger);
            return;
        }

        await BootstrapAdministrator.EnsureRolesAsync(roles);
        var towns = DemoTowns.All.Where(t => communes.Find(t.PostalCode, t.InseeCode) is not null).ToList();
        var organisers = new List<(string UserId, string Email, DemoTown Town)>();
        var organisationCount = options.Events == 0 ? 0 : Math.Clamp(options.Events / 25, 20, 200);
        for (var i = 1; i <= organisationCount; i++)
        {
            // Spread over the towns, so over every region.
            organisers.Add(await OrganiserAsync(i, towns[(i - 1) * towns.Count / organisationCount], cancellationToken));
        }

        var demoOrganisations = await db.Members.Where(m => m.Email.EndsWith("@" + Domain)).Select(m => m.OrganisationId).ToListAsync(cancellationToken);
        var existing = await db.Events.CountAsync(e => e.EditionId == edition.Id && demoOrganisations.Contains(e.OrganisationId), cancellationToken);
        var random = new Random(edition.Year + existing);
        for (var n = existing; n < options.Events; n++)
        {
            var (userId, email, home) = organisers[n % organisers.Count];
            var town = random.Next(4) == 0 ? towns[random.Next(towns.Count)] : home; // mostly near home
            var created = Check(await mediator.Send(Event(random, edition, town, n) with { UserId = userId, UserEmail = email, EditionId = edition.Id }, cancellationToken));
            if (edition.RegistrationOpen && random.Next(5) != 0)
            {
                Check(await mediator.Send(new SubmitEventCommand(created.Id, userId, email), cancellationToken));
            }

            // The commands share this scope's context: forget what they tracked, or each save would
            // scan every event created so far (5,000 events: 78 s with it, over 20 minutes without).
            db.ChangeTracker.Clear();
            if ((n + 1) % 500 == 0)
            {
                LogProgress(logger, n + 1, options.Events);
            }
        }

        LogSeeded(logger, organisationCount, options.Events, edition.Year);
    }

    private async Task<(string UserId, string Email, DemoTown Town)> OrganiserAsync(int number, DemoTown town, CancellationToken cancellationToken)
    {
        var email = string.Create(CultureInfo.InvariantCulture, $"organisateur{number:000}@{Domain}");
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
            Check(number <= SignInAccounts ? await users.CreateAsync(user, Password) : await users.CreateAsync(user));
            Check(await users.AddToRoleAsync(user, PlatformRoles.Organiser));
        }

        if (!await db.Members.AnyAsync(m => m.UserId == user.Id, cancellationToken))
        {
            var type = Enum.GetValues<OrganisationType>()[number % 9];
            Check(await mediator.Send(new SaveMyOrganisationCommand
            {
                UserId = user.Id,
                UserEmail = email,
                Name = OrganisationName(type, town, number),
                Type = type.ToString(),
                Address = new AddressFields { Street = $"{number} rue de l'Industrie", PostalCode = town.PostalCode, City = town.Name },
                ContactName = Names[number % Names.Length],
                ContactPhone = "01 23 45 67 89",
            }, cancellationToken));
        }

        return (user.Id, email, town);
    }

    private static CreateEventCommand Event(Random random, EventEditionDto edition, DemoTown town, int n)
    {
        var format = Enum.GetValues<EventFormat>()[random.Next(Enum.GetValues<EventFormat>().Length)];
        var online = format is EventFormat.WebConference or EventFormat.VirtualVisit;
        // An online event has no region: the national period applies to it.
        var period = (online ? null : edition.RegionalPeriods.FirstOrDefault(p => p.RegionCode == town.RegionCode)?.Period) ?? edition.EventPeriod;
        var day = period.Start.AddDays(random.Next(period.End.DayNumber - period.Start.DayNumber + 1));
        var hour = random.Next(8, 16);
        var sessions = Enumerable.Range(0, random.Next(3) == 0 ? 2 : 1)
            .Select(i => day.AddDays(i) <= period.End ? day.AddDays(i) : day)
            .Distinct()
            .Select(d => new SessionFields
            {
                Start = d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + string.Create(CultureInfo.InvariantCulture, $"T{hour:00}:00"),
                End = d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + string.Create(CultureInfo.InvariantCulture, $"T{hour + 2 + random.Next(3):00}:30"),
            })
            .ToList();
        var audiences = new[] { Audience.Pupils, Audience.Students, Audience.JobSeekers, Audience.Teachers, Audience.GeneralPublic, Audience.CareersAdvisers }
            .OrderBy(_ => random.Next()).Take(1 + random.Next(3)).Select(a => a.ToString()).ToList();
        var sector = Enum.GetValues<IndustrySector>()[random.Next(Enum.GetValues<IndustrySector>().Length)];
        return new CreateEventCommand
        {
            Title = $"{EventVocabulary.Formats[format]} – {EventVocabulary.Sectors[sector].ToLowerInvariant()} à {town.Name} n° {n + 1}",
            Description = $"{EventVocabulary.Formats[format]} pour découvrir les métiers de l'industrie ({EventVocabulary.Sectors[sector].ToLowerInvariant()}) : rencontres avec des professionnels, des apprentis et des formateurs, démonstrations et présentation des formations de la région.",
            Format = format.ToString(),
            Audiences = audiences,
            Sectors = [sector.ToString()],
            Topics = edition.FocusTopics.Count > 0 && random.Next(2) == 0 ? [edition.FocusTopics[random.Next(edition.FocusTopics.Count)]] : [],
            Sessions = sessions,
            Location = online
                ? new LocationFields { Mode = nameof(LocationMode.Online), OnlineUrl = string.Create(CultureInfo.InvariantCulture, $"https://visio.example.fr/sdi-{n + 1}") }
                : new LocationFields
                {
                    Mode = nameof(LocationMode.OnSite),
                    Street = $"{1 + random.Next(120)} avenue des Ateliers",
                    PostalCode = town.PostalCode,
                    InseeCode = town.InseeCode,
                    Latitude = town.Latitude + ((random.NextDouble() - 0.5) * 0.02),
                    Longitude = town.Longitude + ((random.NextDouble() - 0.5) * 0.02),
                },
            IsFree = random.Next(40) != 0,
            Booking = new BookingFields { Required = random.Next(2) == 0, Url = "https://www.semaine-industrie.gouv.fr/", Capacity = 10 + random.Next(200) },
            PublicContact = new PublicContactFields { Email = string.Create(CultureInfo.InvariantCulture, $"contact{n % 97}@{Domain}") },
            Accessible = random.Next(3) != 0,
            AboutIndustry = true,
        };
    }

    private static string OrganisationName(OrganisationType type, DemoTown town, int number) => type switch
    {
        OrganisationType.IndustrialCompany => $"{Companies[number % Companies.Length]} de {town.Name}",
        OrganisationType.Federation => $"Fédération des industries de {town.Name}",
        OrganisationType.School => $"Lycée professionnel Jules-Verne de {town.Name}",
        OrganisationType.HigherEducation => $"École d'ingénieurs de {town.Name}",
        OrganisationType.TrainingCentre => $"CFA de l'industrie de {town.Name}",
        OrganisationType.LocalAuthority => $"Ville de {town.Name}",
        OrganisationType.PublicOperator => $"Agence pour l'emploi de {town.Name}",
        OrganisationType.ChamberOfCommerce => $"CCI de {town.Name}",
        _ => $"Association Industrie et avenir de {town.Name}",
    } + string.Create(CultureInfo.InvariantCulture, $" ({number})");

    private static readonly string[] Companies = ["Aciéries", "Fonderie", "Chaudronnerie", "Ateliers mécaniques", "Plasturgie", "Laboratoires", "Verrerie", "Câblerie"];

    private static readonly string[] Names = ["Camille Martin", "Léa Bernard", "Hugo Petit", "Inès Robert", "Lucas Richard", "Chloé Durand", "Nathan Moreau"];

    private static T Check<T>(Result<T> result) =>
        result.IsSuccess ? result.Value : throw new InvalidOperationException($"seed-demo: {result.Error!.Message}");

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"seed-demo: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "seed-demo: aucune édition n'accepte d'événements, pas d'événements de démonstration")]
    private static partial void LogNoEdition(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "seed-demo: {Done} / {Total} événements")]
    private static partial void LogProgress(ILogger logger, int done, int total);

    [LoggerMessage(Level = LogLevel.Information, Message = "seed-demo: {Organisations} organisations, {Events} événements de l'édition {Year}")]
    private static partial void LogSeeded(ILogger logger, int organisations, int events, int year);
}
