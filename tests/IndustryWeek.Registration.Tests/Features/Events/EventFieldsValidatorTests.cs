using FluentValidation.Results;
using IndustryWeek.Registration.Features.CreateEvent;
using IndustryWeek.Registration.Features.Events;

namespace IndustryWeek.Registration.Tests.Features.Events;

/// <summary>The rules an event's fields follow on their own (the edition and the communes are checked afterwards).</summary>
public sealed class EventFieldsValidatorTests
{
    private static readonly CreateEventValidator Validator = new();

    [Fact]
    public void Validate_WhenCompleteFactoryVisit_HasNoError()
    {
        Assert.Empty(Validator.Validate(FactoryVisit()).Errors);
    }

    [Fact]
    public void Validate_WhenEverythingMissing_SaysWhatIsRequired()
    {
        var errors = Messages(Validator.Validate(new CreateEventCommand()));

        Assert.Equal("Le titre est obligatoire.", errors["Title"]);
        Assert.Equal("La description est obligatoire.", errors["Description"]);
        Assert.Equal("Le format est obligatoire.", errors["Format"]);
        Assert.Equal("Choisissez au moins un public.", errors["Audiences"]);
        Assert.Equal("Choisissez au moins un secteur industriel.", errors["Sectors"]);
        Assert.Equal("Ajoutez au moins une séance (date et heures).", errors["Sessions"]);
        Assert.Equal("Indiquez où a lieu l'événement.", errors["Location"]);
        Assert.Equal("Indiquez si l'événement est gratuit.", errors["IsFree"]);
        Assert.Equal("Indiquez si une réservation est nécessaire.", errors["Booking"]);
    }

    [Theory]
    [InlineData(null, "2027-03-23T12:00", "Sessions[0].Start", "Le début de la séance est obligatoire.")]
    [InlineData("2027-03-23T09:00", null, "Sessions[0].End", "La fin de la séance est obligatoire.")]
    [InlineData("2027-03-23T09:00", "", "Sessions[0].End", "La fin de la séance est obligatoire.")]
    [InlineData("2027-03-23", "2027-03-23T12:00", "Sessions[0].Start", "Le début n'est pas une date et heure valide (par exemple 2020-11-16T09:00).")]
    [InlineData("2027-03-23T09:00", "23/03/2027 12:00", "Sessions[0].End", "La fin n'est pas une date et heure valide (par exemple 2020-11-16T12:00).")]
    [InlineData("2027-03-28T02:30", "2027-03-28T05:00", "Sessions[0].Start", "Cette heure n'existe pas à Paris (passage à l'heure d'été : de 2 h à 3 h, les horloges avancent d'une heure).")]
    [InlineData("2027-03-27T22:00", "2027-03-28T02:15", "Sessions[0].End", "Cette heure n'existe pas à Paris (passage à l'heure d'été : de 2 h à 3 h, les horloges avancent d'une heure).")]
    [InlineData("2027-03-23T09:00", "2027-03-23T09:00", "Sessions[0].End", "La séance doit se terminer après son début.")]
    [InlineData("2027-03-28T03:10", "2027-03-28T01:50", "Sessions[0].End", "La séance doit se terminer après son début.")]
    [InlineData("2027-03-08T09:00", "2027-03-22T09:01", "Sessions[0].End", "Une séance dure au plus 14 jours ; découpez un événement plus long en plusieurs séances.")]
    public void Validate_WhenASessionIsMissingUnreadableOrImpossible_SaysWhyOnItsField(string? start, string? end, string field, string message)
    {
        var result = Validator.Validate(FactoryVisit() with { Sessions = [new SessionFields { Start = start, End = end }] });

        Assert.Equal(message, Assert.Single(result.Errors).ErrorMessage);
        Assert.Equal(field, result.Errors[0].PropertyName);
    }

    [Theory]
    [InlineData("2027-03-28T01:30", "2027-03-28T03:30")] // one real hour, across the spring-forward night
    [InlineData("2027-10-31T02:30", "2027-10-31T03:30")] // an autumn hour that happens twice
    [InlineData("2027-03-23T09:00:00", "2027-03-23T12:00:00")]
    [InlineData("2027-03-23T08:00:00Z", "2027-03-23T12:00:00+01:00")] // instants, converted to Paris time
    public void Validate_WhenTheSessionExistsInParis_HasNoError(string start, string end)
    {
        Assert.Empty(Validator.Validate(FactoryVisit() with { Sessions = [new SessionFields { Start = start, End = end }] }).Errors);
    }

    [Fact]
    public void Validate_WhenASessionIsNull_SaysSoInsteadOfFailingLater()
    {
        var result = Validator.Validate(FactoryVisit() with { Sessions = [new SessionFields { Start = "2027-03-23T09:00", End = "2027-03-23T12:00" }, null!] });

        var error = Assert.Single(result.Errors);
        Assert.Equal(("Sessions[1]", "Indiquez le début et la fin de chaque séance."), (error.PropertyName, error.ErrorMessage));
    }

    [Theory]
    [InlineData("Online", null, "Location.OnlineUrl", "Le lien de l'événement en ligne est obligatoire.")]
    [InlineData("Hybrid", "", "Location.OnlineUrl", "Le lien de l'événement en ligne est obligatoire.")]
    [InlineData("Online", "visio", "Location.OnlineUrl", "Le lien en ligne doit être une adresse web complète (https://…).")]
    [InlineData("Online", "ftp://usine-exemple.fr/visite", "Location.OnlineUrl", "Le lien en ligne doit être une adresse web complète (https://…).")]
    [InlineData("onsite", null, "Location.Mode", "« onsite » n'est pas un mode ; modes possibles : OnSite, Online, Hybrid.")]
    public void Validate_WhenOnlineWithoutAUsableLinkOrAnUnknownMode_SaysWhy(string mode, string? onlineUrl, string field, string message)
    {
        var location = FactoryVisit().Location! with { Mode = mode, OnlineUrl = onlineUrl };

        var result = Validator.Validate(FactoryVisit() with { Location = location });

        Assert.Equal((field, message), (Assert.Single(result.Errors).PropertyName, result.Errors[0].ErrorMessage));
    }

    [Fact]
    public void Validate_WhenOnlineOnly_NeedsNoAddress()
    {
        Assert.Empty(Validator.Validate(FactoryVisit() with { Location = new LocationFields { Mode = "Online", OnlineUrl = "https://usine-exemple.fr/visite-virtuelle" } }).Errors);
    }

    [Theory]
    [InlineData("companyvisit")]
    [InlineData("3")]
    [InlineData("CompanyVisit ")]
    public void Validate_WhenTheFormatIsNotExactlyAnApiName_IsRefused(string format)
    {
        var result = Validator.Validate(FactoryVisit() with { Format = format });

        Assert.Equal("Format", Assert.Single(result.Errors).PropertyName);
    }

    [Theory]
    [InlineData(true, null, null, null, "Une réservation est nécessaire : donnez un lien de réservation, ou un courriel ou un téléphone de contact.")]
    [InlineData(true, "usine-exemple.fr", null, null, "Le lien de réservation doit être une adresse web complète (https://…).")]
    [InlineData(false, "https://localhost/visites", null, null, "Le lien de réservation doit être une adresse web complète (https://…).")]
    [InlineData(false, null, "visites-at-usine", null, "L'adresse électronique de contact n'est pas valide.")]
    [InlineData(false, null, null, "12", "Le téléphone de contact n'est pas valide (par exemple 03 20 96 48 06).")]
    public void Validate_WhenBookingOrContactIsUnusable_SaysWhy(bool required, string? url, string? email, string? phone, string message)
    {
        var result = Validator.Validate(FactoryVisit() with
        {
            Booking = new BookingFields { Required = required, Url = url },
            PublicContact = new PublicContactFields { Email = email, Phone = phone },
        });

        Assert.Equal(message, Assert.Single(result.Errors).ErrorMessage);
    }

    [Fact]
    public void Validate_WhenBookingRequiredAndOnlyAPhone_HasNoError()
    {
        var result = Validator.Validate(FactoryVisit() with
        {
            Booking = new BookingFields { Required = true },
            PublicContact = new PublicContactFields { Phone = "+33 3 27 00 00 00" },
        });

        Assert.Empty(result.Errors);
    }

    private static Dictionary<string, string> Messages(ValidationResult result) =>
        result.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.First().ErrorMessage);

    private static CreateEventCommand FactoryVisit() => new()
    {
        Title = "Visite de l'usine de Valenciennes",
        Description = "Découverte des lignes d'assemblage et des métiers de la production, avec les apprentis du site.",
        Format = "CompanyVisit",
        Audiences = ["Pupils", "JobSeekers"],
        Sectors = ["Automotive"],
        Topics = ["Transition écologique"],
        Sessions = [new SessionFields { Start = "2027-03-23T09:00", End = "2027-03-23T12:00" }],
        Location = new LocationFields
        {
            Mode = "OnSite",
            Street = "1 rue de l'Industrie",
            PostalCode = "59300",
            InseeCode = "59606",
            Latitude = 50.357,
            Longitude = 3.523,
        },
        IsFree = true,
        Booking = new BookingFields { Required = true, Url = "https://usine-exemple.fr/visites", Capacity = 25 },
        PublicContact = new PublicContactFields { Email = "visites@usine-exemple.fr", Phone = "03 27 00 00 00" },
        Accessible = true,
        AboutIndustry = true,
    };
}
