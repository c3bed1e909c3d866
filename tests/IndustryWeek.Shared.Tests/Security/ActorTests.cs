using IndustryWeek.Shared.Security;

namespace IndustryWeek.Shared.Tests.Security;

public sealed class ActorTests
{
    private const string HautsDeFrance = "32";
    private const string Bretagne = "53";

    [Fact]
    public void CanModerate_WhenAdministrator_CanModerateAnyRegion()
    {
        var administrator = new Actor("admin", "admin@example.fr", IsAdministrator: true, new HashSet<string>());

        Assert.True(administrator.CanModerate(HautsDeFrance));
        Assert.True(administrator.CanModerate(Bretagne));
    }

    [Fact]
    public void CanModerate_WhenModeratorOfTheRegion_CanModerateIt()
    {
        var moderator = Moderator(HautsDeFrance);

        Assert.True(moderator.CanModerate(HautsDeFrance));
    }

    [Fact]
    public void CanModerate_WhenModeratorOfAnotherRegion_CannotModerateIt()
    {
        var moderator = Moderator(HautsDeFrance);

        Assert.False(moderator.CanModerate(Bretagne));
    }

    [Fact]
    public void CanModerate_WhenNoRegion_OnlyAdministratorCan()
    {
        var administrator = new Actor("admin", "admin@example.fr", IsAdministrator: true, new HashSet<string>());
        var moderator = Moderator(HautsDeFrance, Bretagne);

        Assert.True(administrator.CanModerate(null));
        Assert.False(moderator.CanModerate(null));
    }

    private static Actor Moderator(params string[] regions) =>
        new("moderator", "moderateur@example.fr", IsAdministrator: false, regions.ToHashSet(StringComparer.Ordinal));
}
