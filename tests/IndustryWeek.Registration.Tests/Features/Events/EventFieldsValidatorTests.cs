using System.Text.Json;
using IndustryWeek.Registration.Features.CreateEvent;
using IndustryWeek.Registration.Features.Events;

namespace IndustryWeek.Registration.Tests.Features.Events;

public sealed class EventFieldsValidatorTests
{
    private static readonly CreateEventValidator Validator = new();

    [Theory]
    [InlineData("""{"title":"Visite de l'usine","description":"Découverte des lignes d'assemblage et des métiers.","format":"CompanyVisit","audiences":["Pupils"],"sectors":["Automotive"],"topics":[],"sessions":[{"start":"2027-03-23T09:00","end":"2027-03-23T12:00"}],"location":{"mode":"Online"},"isFree":true,"booking":{"required":false},"publicContact":null}""")]
    [InlineData("""{"title":"Visite de l'usine","description":"Découverte des lignes d'assemblage et des métiers.","format":"CompanyVisit","audiences":["Pupils"],"sectors":["Automotive"],"topics":[],"sessions":[{"start":"2027-03-23T09:00","end":null}],"location":{"mode":"Online","onlineUrl":"https://a.fr/x"},"isFree":true,"booking":{"required":false},"publicContact":null}""")]
    public void Validate_Scratch(string json)
    {
        var command = JsonSerializer.Deserialize<CreateEventCommand>(json, JsonSerializerOptions.Web)!;
        var result = Validator.Validate(command);
        Assert.NotEmpty(result.Errors);
    }
}
