using System.Security.Cryptography;
using IndustryWeek.Shared.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IndustryWeek.Registration.Accounts;

/// <summary>
/// Ensures the platform's roles and a first administrator (roles Administrator and Operator, email
/// confirmed) from `Bootstrap:AdminEmail` / `Bootstrap:AdminPassword`. With no password configured,
/// one is generated and printed once, when the account is created; it is created only while the platform
/// has no administrator (the first one may have changed their address since).
/// </summary>
internal sealed partial class BootstrapAdministrator(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<BootstrapAdministrator> logger)
    : IHostedService
{
    public const string DefaultEmail = "admin@semaine-industrie.local";

    /// <summary>The platform's four roles exist (at start-up, and before seed-demo gives them).</summary>
    public static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        foreach (var role in PlatformRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)));
            }
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());

        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var email = configuration["Bootstrap:AdminEmail"] is { Length: > 0 } configured ? configured : DefaultEmail;
        var user = await users.FindByEmailAsync(email);
        if (user is null && (await users.GetUsersInRoleAsync(PlatformRoles.Administrator)).Count > 0)
        {
            // The first administrator changed their address at /mon-compte (or the setting changed): the platform
            // has its administrators, and a second « first » one with a new password would be a back door.
            LogAdministratorsExist(logger, email);
            return;
        }

        if (user is null)
        {
            var configuredPassword = configuration["Bootstrap:AdminPassword"];
            var password = string.IsNullOrEmpty(configuredPassword) ? GeneratePassword() : configuredPassword;
            user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                throw new Shared.StartupException(
                    $"Bootstrap:AdminPassword refusé pour {email} : {string.Join(" ", created.Errors.Select(e => e.Description))}");
            }

            if (string.IsNullOrEmpty(configuredPassword))
            {
                LogGeneratedPassword(logger, email, password);
            }
        }

        foreach (var role in new[] { PlatformRoles.Administrator, PlatformRoles.Operator })
        {
            if (!await users.IsInRoleAsync(user, role))
            {
                Check(await users.AddToRoleAsync(user, role));
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    private static string GeneratePassword() =>
        "Sdi-" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('/', 'x').Replace('+', 'y') + "-9a";

    [LoggerMessage(Level = LogLevel.Information, Message = "Bootstrap:AdminEmail ({Email}) n'a pas de compte, mais la plateforme a déjà un administrateur : aucun compte créé")]
    private static partial void LogAdministratorsExist(ILogger logger, string email);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Premier administrateur créé : {Email} / mot de passe : {Password} (affiché une seule fois, à changer)")]
    private static partial void LogGeneratedPassword(ILogger logger, string email, string password);
}
