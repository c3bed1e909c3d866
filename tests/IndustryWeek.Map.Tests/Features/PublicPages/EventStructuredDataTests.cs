using System.Text.Json;
using IndustryWeek.Map.Features.PublicPages;
using IndustryWeek.Shared.PublishedLanguage;
using static IndustryWeek.Map.Tests.Domain.PinDetailsExamples;
using static IndustryWeek.Map.Tests.Features.GetMapEvents.MapEntryTests;

namespace IndustryWeek.Map.Tests.Features.PublicPages;

public sealed class EventStructuredDataTests
{
    [Theory]
    [InlineData("2021-03-27T10:00:00", "2021-03-27T10:00:00+01:00")] // the day before summer time
    [InlineData("2021-03-28T10:00:00", "2021-03-28T10:00:00+02:00")] // summer time from 2 h that night
    [InlineData("2021-03-28T02:30:00", "2021-03-28T03:30:00+02:00")] // an hour that does not exist: the next that does
    [InlineData("2021-10-31T02:30:00", "2021-10-31T02:30:00+02:00")] // an hour met twice: its first occurrence
    [InlineData("2020-11-16T09:00:00", "2020-11-16T09:00:00+01:00")]
    public void Instant_OfAParisWallClockTime_CarriesThatDaysOffset(string parisLocal, string expected) =>
        Assert.Equal(expected, EventStructuredData.Instant(DateTime.Parse(parisLocal, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void JsonLd_OfASummerEvent_GivesItsSessionsInOrderWithTheSummerOffset()
    {
        var details = Details(1);
        var summer = details with
        {
            Event = details.Event with
            {
                Sessions = [new EventSession(new DateTime(2021, 7, 2, 14, 0, 0), new DateTime(2021, 7, 2, 16, 0, 0)), new EventSession(new DateTime(2021, 7, 1, 9, 0, 0), new DateTime(2021, 7, 1, 12, 0, 0))],
            },
        };

        var json = JsonDocument.Parse(EventStructuredData.JsonLd(EntryFor(summer))).RootElement;

        Assert.Equal("2021-07-01T09:00:00+02:00", json.GetProperty("startDate").GetString());
        Assert.Equal("2021-07-02T16:00:00+02:00", json.GetProperty("endDate").GetString());
        Assert.Equal(["Visite de l'usine de Lille (1/2)", "Visite de l'usine de Lille (2/2)"], json.GetProperty("subEvent").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        Assert.Equal(30, json.GetProperty("maximumAttendeeCapacity").GetInt32());
        Assert.Equal("Aciéries du Nord", json.GetProperty("organizer").GetProperty("name").GetString()); // accents kept as they are
    }

    [Theory]
    [InlineData("</script><script>alert(1)</script>")]
    [InlineData("<!-- <script>")]
    [InlineData("</SCRIPT\t>")]
    [InlineData("Forges\u2028du\u2029Nord & ' \" `")]
    public void JsonLd_WhenTheTitleHoldsMarkup_HasNoCharacterThatCouldEndTheScriptElement(string title)
    {
        var jsonLd = EventStructuredData.JsonLd(EntryFor(Details(1, title)));

        Assert.DoesNotContain('<', jsonLd);
        Assert.DoesNotContain('>', jsonLd);
        Assert.Equal(title, JsonDocument.Parse(jsonLd).RootElement.GetProperty("name").GetString());
    }

    [Fact]
    public void Summary_OfALongDescription_IsCutAtAWordUnderTwoHundredCharactersOnOneLine()
    {
        var details = Details(1);
        var longer = details with { Event = details.Event with { Description = string.Join("\n", Enumerable.Repeat("Les lignes de production et les métiers de la maintenance.", 8)) } };

        var summary = EventStructuredData.Summary(EntryFor(longer).Pin);

        Assert.True(summary.Length <= EventStructuredData.SummaryLength, summary);
        Assert.EndsWith("…", summary, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', summary);
        Assert.StartsWith("Les lignes de production et les métiers de la maintenance. Les lignes", summary, StringComparison.Ordinal);
    }
}
