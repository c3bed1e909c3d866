using IndustryWeek.Map.Features.GetMapEvents;
using IndustryWeek.Shared.PublishedLanguage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using static IndustryWeek.Map.Tests.Domain.PinDetailsExamples;

namespace IndustryWeek.Map.Tests.Features.GetMapEvents;

public sealed class MapFilterTests
{
    [Fact]
    public void Parse_WhenNoParameters_IsEmpty()
    {
        var (filter, errors) = Parse("");

        Assert.Empty(errors);
        Assert.True(filter.IsEmpty);
        Assert.Equal(MapFilter.None.Key, filter.Key);
    }

    [Fact]
    public void Parse_WhenEveryParameterIsRight_ReadsThemAll()
    {
        var (filter, errors) = Parse("?region=32,11&department=59&format=CompanyVisit&format=OpenDay&audience=Pupils&sector=Automotive&from=2020-11-16&to=2020-11-22&online=false&q=%20Usine%20%C3%89cole%20&bbox=2.2,48.8,3.6,51.1");

        Assert.Empty(errors);
        Assert.Equal(["11", "32"], filter.Regions.Order());
        Assert.Equal(["59"], filter.Departments);
        Assert.Equal(["CompanyVisit", "OpenDay"], filter.Formats.Order());
        Assert.Equal(["Pupils"], filter.Audiences);
        Assert.Equal(["Automotive"], filter.Sectors);
        Assert.Equal(new DateOnly(2020, 11, 16), filter.From);
        Assert.Equal(new DateOnly(2020, 11, 22), filter.To);
        Assert.False(filter.Online);
        Assert.Equal(["usine", "ecole"], filter.Words);
        Assert.Equal(new BoundingBox(2.2, 48.8, 3.6, 51.1), filter.Box);
        Assert.False(filter.IsEmpty);
    }

    [Theory]
    [InlineData("?region=99", "region", "Région inconnue : « 99 »")]
    [InlineData("?department=100", "department", "Département inconnu : « 100 »")]
    [InlineData("?format=Visite", "format", "Format inconnu : « Visite »")]
    [InlineData("?audience=pupils", "audience", "Public inconnu : « pupils »")]
    [InlineData("?sector=Steel", "sector", "Secteur inconnu : « Steel »")]
    [InlineData("?from=16/11/2020", "from", "n'est pas une date : écrivez-la AAAA-MM-JJ")]
    [InlineData("?to=2020-13-01", "to", "n'est pas une date")]
    [InlineData("?from=2020-11-22&to=2020-11-16", "to", "La date de fin (to) doit être postérieure ou égale à la date de début (from).")]
    [InlineData("?online=oui", "online", "Le paramètre online vaut true")]
    [InlineData("?bbox=2.2,48.8,3.6", "bbox", "La zone (bbox) compte quatre nombres")]
    [InlineData("?bbox=2.2,48.8,3.6,abc", "bbox", "La zone (bbox) compte quatre nombres")]
    [InlineData("?bbox=2,2;48,8;3,6;51,1", "bbox", "La zone (bbox) compte quatre nombres")]
    [InlineData("?bbox=200,48.8,210,51.1", "bbox", "les longitudes vont de -180 à 180")]
    [InlineData("?bbox=3.6,48.8,2.2,51.1", "bbox", "chaque minimum doit être inférieur ou égal au maximum")]
    [InlineData("?from=2020-11-16&from=2020-11-17", "from", "Le paramètre from ne se donne qu'une fois.")]
    public void Parse_WhenAParameterIsWrong_SaysWhatInFrench(string query, string field, string message)
    {
        var (_, errors) = Parse(query);

        var messages = Assert.Contains(field, errors);
        Assert.Contains(messages, m => m.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_WhenTextTooLong_SaysTheLimit()
    {
        var (_, errors) = Parse("?q=" + new string('a', MapFilter.MaxTextLength + 1));

        Assert.Equal(["La recherche ne dépasse pas 200 caractères."], errors["q"]);
    }

    [Fact]
    public void Key_WhenSameValuesInAnotherOrder_IsTheSame()
    {
        Assert.Equal(Parse("?region=32,11&format=OpenDay").Filter.Key, Parse("?format=OpenDay&region=11&region=32").Filter.Key);
        Assert.NotEqual(Parse("?region=32").Filter.Key, Parse("?region=11").Filter.Key);
    }

    [Theory]
    [InlineData("?region=32", true)]
    [InlineData("?region=11", false)]
    [InlineData("?region=11,32", true)]
    [InlineData("?department=59", true)]
    [InlineData("?department=62", false)]
    [InlineData("?format=CompanyVisit", true)]
    [InlineData("?format=OpenDay", false)]
    [InlineData("?audience=JobSeekers", true)]
    [InlineData("?audience=Teachers", false)]
    [InlineData("?sector=MiningAndMetallurgy", true)]
    [InlineData("?sector=Automotive", false)]
    [InlineData("?from=2020-11-17", true)]
    [InlineData("?from=2020-11-18", false)]
    [InlineData("?to=2020-11-16", true)]
    [InlineData("?to=2020-11-15", false)]
    [InlineData("?from=2020-11-10&to=2020-11-16", true)]
    [InlineData("?from=2020-11-18&to=2020-11-30", false)]
    [InlineData("?online=false", true)]
    [InlineData("?online=true", false)]
    [InlineData("?q=ACIERIES", true)]
    [InlineData("?q=lille%20maintenance", true)]
    [InlineData("?q=lille%20roubaix", false)]
    [InlineData("?bbox=2.9,50.5,3.2,50.7", true)]
    [InlineData("?bbox=2.2,48.8,2.5,48.9", false)]
    [InlineData("?region=32&format=CompanyVisit&from=2020-11-16&q=usine&bbox=-5,41,10,52", true)]
    [InlineData("?region=32&format=CompanyVisit&from=2020-11-16&q=usine&bbox=-5,41,10,52&online=true", false)]
    public void Matches_WhenFilteringTheLilleVisit_KeepsItOnlyWhenEveryCriterionHolds(string query, bool expected)
    {
        // The Lille visit: 16 Nov. 9-12 h and 17 Nov. 14-16 h, on site in Lille (59, 32), Pupils and JobSeekers.
        var entry = MapEntryTests.EntryFor(Details(1));

        Assert.Equal(expected, Parse(query).Filter.Matches(entry));
    }

    [Fact]
    public void Matches_WhenBboxAndOnlineOnlyEvent_LeavesItOut()
    {
        var entry = MapEntryTests.EntryFor(Details(1, location: Online));

        Assert.False(Parse("?bbox=-180,-90,180,90").Filter.Matches(entry));
        Assert.True(Parse("?online=true").Filter.Matches(entry));
    }

    [Fact]
    public void Matches_WhenSessionSpansMidnight_CountsItsLastDay()
    {
        var location = Lille;
        var details = Details(1) with
        {
            Event = Event() with { Sessions = [new EventSession(new DateTime(2020, 11, 20, 20, 0, 0), new DateTime(2020, 11, 21, 2, 0, 0))] },
        };
        var entry = MapEntryTests.EntryFor(details);

        Assert.True(Parse("?from=2020-11-21&to=2020-11-21").Filter.Matches(entry));
        Assert.False(Parse("?from=2020-11-22").Filter.Matches(entry));
        Assert.Equal(location.City, entry.Pin.City);
    }

    private static (MapFilter Filter, Dictionary<string, string[]> Errors) Parse(string query)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var filter = MapFilter.Parse(new QueryCollection(QueryHelpers.ParseQuery(query)), errors);
        return (filter, errors);
    }
}
