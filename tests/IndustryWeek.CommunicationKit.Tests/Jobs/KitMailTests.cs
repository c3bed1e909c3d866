using IndustryWeek.CommunicationKit.Domain;
using IndustryWeek.CommunicationKit.Jobs;
using IndustryWeek.Shared.PublishedLanguage;

namespace IndustryWeek.CommunicationKit.Tests.Jobs;

public sealed class KitMailTests
{
    private static readonly byte[] Poster = "%PDF-1.7 affiche"u8.ToArray();
    private static readonly byte[] Certificate = "%PDF-1.7 attestation"u8.ToArray();

    private static Shared.Mail.OutgoingMail Compose(DeliveryReason reason, EventDescription? description = null) =>
        KitMail.Compose(reason, comment: null, KitSamples.Subject(description), Poster, Certificate, KitSamples.OrganiserSpaceUrl);

    [Fact]
    public void Compose_WhenGranted_SubjectAnnouncesTheLabelWithItsNumber()
    {
        var mail = Compose(DeliveryReason.Granted);

        Assert.Equal("Votre événement « Visite de l'usine de Lille » est labellisé (SDI-2020-000123) : votre kit de communication", mail.Subject);
    }

    [Fact]
    public void Compose_WhenUpdated_SubjectSaysTheKitIsUpdated()
    {
        var mail = Compose(DeliveryReason.Updated);

        Assert.Equal("Votre kit de communication est mis à jour : « Visite de l'usine de Lille »", mail.Subject);
    }

    [Fact]
    public void Compose_WhenResent_SubjectRecallsTheTitleAndLabelNumber()
    {
        var mail = Compose(DeliveryReason.Resend);

        Assert.Equal("Votre kit de communication : « Visite de l'usine de Lille » (SDI-2020-000123)", mail.Subject);
    }

    [Fact]
    public void Compose_WhenTitleHasSurroundingSpaces_QuotesItTrimmed()
    {
        var mail = Compose(DeliveryReason.Granted, KitSamples.FactoryVisit("  Visite de l'usine de Lille  "));

        Assert.Contains("« Visite de l'usine de Lille »", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("« Visite de l'usine de Lille »", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_WhenGranted_IsSentToTheOrganiserWithAFrenchBody()
    {
        var mail = Compose(DeliveryReason.Granted, KitSamples.FactoryVisit(sessions: [KitSamples.Monday16Morning(), KitSamples.Wednesday18Afternoon()]));

        Assert.Equal("communication@acieries-du-nord.example.fr", mail.To);
        var body = mail.TextBody;
        Assert.StartsWith("Bonjour,", body, StringComparison.Ordinal);
        Assert.Contains("Votre événement « Visite de l'usine de Lille » (Aciéries du Nord) est labellisé Semaine de l'industrie 2020.", body, StringComparison.Ordinal);
        Assert.Contains("Numéro de label : SDI-2020-000123", body, StringComparison.Ordinal);
        Assert.Contains("Séances :", body, StringComparison.Ordinal);
        Assert.Contains("  - lundi 16 novembre 2020, 9 h 00 – 12 h 00", body, StringComparison.Ordinal);
        Assert.Contains("  - mercredi 18 novembre 2020, 14 h 00 – 17 h 30", body, StringComparison.Ordinal);
        Assert.Contains("Lieu : 12 rue de l'Usine, 59000 Lille", body, StringComparison.Ordinal);
        Assert.Contains("N'oubliez pas le mot-dièse #SemaineIndustrie dans vos publications.", body, StringComparison.Ordinal);
        Assert.EndsWith("L'équipe de la Semaine de l'industrie" + Environment.NewLine, body, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_WhenGranted_LinksToTheOrganiserSpaceAndThePublicPage()
    {
        var body = Compose(DeliveryReason.Granted).TextBody;

        var lines = body.Split(Environment.NewLine);
        Assert.Contains(KitSamples.OrganiserSpaceUrl, lines);
        Assert.Contains("La page publique de votre événement : " + KitSamples.PublicPageUrl, lines);
        Assert.Contains("se télécharge depuis votre espace organisateur", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_WhenOneSessionOnline_SaysSeanceInTheSingularAndEnLigne()
    {
        var online = new EventLocation { Mode = LocationMode.Online, OnlineUrl = "https://visio.example.fr/acieries" };

        var body = Compose(DeliveryReason.Granted, KitSamples.FactoryVisit(location: online)).TextBody;

        Assert.Contains("Séance :", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Séances :", body, StringComparison.Ordinal);
        Assert.Contains("Lieu : en ligne", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_WhenUpdated_AsksToReplaceThePrintedPosters()
    {
        var body = Compose(DeliveryReason.Updated).TextBody;

        Assert.Contains("Vous avez modifié votre événement « Visite de l'usine de Lille » (Aciéries du Nord) : votre kit de communication a été refait avec ces changements.", body, StringComparison.Ordinal);
        Assert.Contains("Remplacez les affiches déjà imprimées", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_WhenResent_SaysHereItIsAgain()
    {
        var body = Compose(DeliveryReason.Resend).TextBody;

        Assert.Contains("Comme demandé, voici à nouveau le kit de communication de votre événement « Visite de l'usine de Lille » (Aciéries du Nord).", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(DeliveryReason.Granted))]
    [InlineData(nameof(DeliveryReason.Updated))]
    [InlineData(nameof(DeliveryReason.Resend))]
    public void Compose_WhateverTheReason_AttachesThePosterAndTheCertificateAsPdfNamedAfterTheLabel(string reason)
    {
        var mail = Compose(Enum.Parse<DeliveryReason>(reason));

        Assert.Collection(
            mail.Attachments,
            poster =>
            {
                Assert.Equal("affiche-SDI-2020-000123.pdf", poster.FileName);
                Assert.Equal("application/pdf", poster.ContentType);
                Assert.Equal(Poster, poster.Content.ToArray());
            },
            certificate =>
            {
                Assert.Equal("attestation-SDI-2020-000123.pdf", certificate.FileName);
                Assert.Equal("application/pdf", certificate.ContentType);
                Assert.Equal(Certificate, certificate.Content.ToArray());
            });
    }
}
