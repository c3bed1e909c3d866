using IndustryWeek.Labelling.Domain.Applications;
using IndustryWeek.Shared.PublishedLanguage;

namespace IndustryWeek.Labelling.Tests.Domain.Applications;

public sealed class LookAlikesTests
{
    private static readonly Guid Edition = Guid.Parse("7d2c9a61-3a1e-4e0b-8f0d-2b4c6e8a0f22");
    private static readonly DateTime SubmittedAt = new(2020, 10, 1, 8, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("Visite de l'usine Martin", "VISITE USINE MARTIN", true)]
    [InlineData("Découverte des métiers de l'aéronautique", "Decouverte metiers aeronautique", true)]
    [InlineData("Visite de l'usine de Lille", "Visite de l'atelier de Lille", true)] // 2 of 3 words
    [InlineData("Visite de l'usine de Lille", "Conférence sur l'hydrogène", false)]
    [InlineData("Portes ouvertes du lycée Jean Perrin", "Visite de l'usine", false)]
    [InlineData("De la", "Et les", false)] // nothing but small words
    public void SimilarTitles_AccentsCaseAndSmallWordsAside(string first, string second, bool alike) =>
        Assert.Equal(alike, LookAlikes.SimilarTitles(first, second));

    [Fact]
    public void Alike_WhenTheSameVisitIsDeclaredTwice()
    {
        Assert.True(LookAlikes.Alike(Open(Snapshots.FactoryVisit()), Open(Snapshots.FactoryVisit("VISITE USINE LILLE"))));
    }

    [Fact]
    public void Alike_NotWhenTheSessionsDoNotOverlap()
    {
        var later = Snapshots.With(sessions: [("2020-11-18T09:00", "2020-11-18T12:00")]);

        Assert.False(LookAlikes.Alike(Open(Snapshots.FactoryVisit()), Open(later)));
    }

    [Fact]
    public void Alike_NotWhenAnotherOrganisationElsewhere()
    {
        var visit = Snapshots.FactoryVisit();
        var elsewhere = visit with
        {
            Event = visit.Event with { Location = visit.Event.Location with { InseeCode = "59606", City = "Valenciennes" } },
            Organiser = new OrganiserContact(Guid.NewGuid(), "Autre", "autre@example.fr"),
        };

        Assert.False(LookAlikes.Alike(Open(visit), Open(elsewhere)));
    }

    [Fact]
    public void Alike_WhenAnotherOrganisationInTheSameCommune()
    {
        var visit = Snapshots.FactoryVisit();
        var partner = visit with { Organiser = new OrganiserContact(Guid.NewGuid(), "Fédération", "federation@example.fr") };

        Assert.True(LookAlikes.Alike(Open(visit), Open(partner)));
    }

    [Fact]
    public void Alike_NotItselfNorAnotherEdition()
    {
        var application = Open(Snapshots.FactoryVisit());
        var nextYear = LabellingApplication.Open(Guid.NewGuid(), Guid.NewGuid(), 2021, 1, Snapshots.FactoryVisit(), SubmittedAt);

        Assert.False(LookAlikes.Alike(application, application));
        Assert.False(LookAlikes.Alike(application, nextYear));
    }

    private static LabellingApplication Open(EventSnapshot snapshot) => LabellingApplication.Open(Guid.NewGuid(), Edition, 2020, 1, snapshot, SubmittedAt);
}
