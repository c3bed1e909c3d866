using IndustryWeek.Editions.Contracts;
using IndustryWeek.Editions.Domain;
using IndustryWeek.Editions.Persistence;
using IndustryWeek.Shared.Domain;
using IndustryWeek.Shared.Persistence;
using IndustryWeek.Shared.Time;
using Microsoft.EntityFrameworkCore;

namespace IndustryWeek.Editions.Features;

/// <summary>The rules that need the other editions, and saving with their conflicts told in French.</summary>
internal static class EditionSaving
{
    public static async Task<Error?> CheckUniqueAsync(this EditionsDbContext db, Guid id, int number, int year, CancellationToken cancellationToken)
    {
        var clash = await db.Editions.AsNoTracking()
            .Where(e => e.Id != id && (e.Number == number || e.Year == year))
            .Select(e => new { e.Number, e.Year })
            .FirstOrDefaultAsync(cancellationToken);
        return clash switch
        {
            null => null,
            _ when clash.Number == number => Error.Conflict("edition.duplicate_number", $"La {number}e édition existe déjà ({clash.Year})."),
            _ => Error.Conflict("edition.duplicate_year", $"Une édition existe déjà pour {year}."),
        };
    }

    /// <summary>At most one edition open for registration at a time: published registration windows may not overlap.</summary>
    public static async Task<Error?> CheckSingleOpenRegistrationAsync(this EditionsDbContext db, Edition edition, CancellationToken cancellationToken)
    {
        if (edition.Status != EditionStatus.Published)
        {
            return null;
        }

        var others = await db.Editions.AsNoTracking()
            .Where(e => e.Id != edition.Id && e.Status == EditionStatus.Published)
            .ToListAsync(cancellationToken);
        var window = edition.RegistrationWindow;
        var overlapping = others.FirstOrDefault(o => o.RegistrationWindow.Start <= window.End && window.Start <= o.RegistrationWindow.End);
        return overlapping is null
            ? null
            : Error.Conflict(
                "edition.registration_overlap",
                $"L'édition {overlapping.Year} est ouverte aux inscriptions du {ParisTime.FormatDate(overlapping.RegistrationWindow.Start)} au {ParisTime.FormatDate(overlapping.RegistrationWindow.End)} : une seule édition peut l'être à la fois.");
    }

    public static async Task<Error?> TrySaveAsync(this EditionsDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Error.Conflict("edition.concurrent_change", "L'édition a été modifiée entre-temps par quelqu'un d'autre : rechargez-la puis recommencez.");
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return Error.Conflict("edition.duplicate", "Une autre édition porte déjà ce numéro ou cette année.");
        }
    }
}
