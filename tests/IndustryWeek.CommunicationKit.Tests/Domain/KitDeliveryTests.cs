using IndustryWeek.CommunicationKit.Domain;

namespace IndustryWeek.CommunicationKit.Tests.Domain;

public sealed class KitDeliveryTests
{
    private static readonly DateTime Now = new(2020, 10, 20, 13, 31, 0, DateTimeKind.Utc);

    private static Kit Granted() =>
        Kit.Grant(KitSamples.EventId, Guid.NewGuid(), 2020, KitSamples.LabelNumber, 2, KitSamples.FactoryVisit(), KitSamples.AcieriesDuNord(), KitSamples.GrantedAtUtc);

    [Fact]
    public void Keys_WhenBuilt_SayWhyTheMailIsSent()
    {
        Assert.Equal("label-v2", KitDelivery.GrantKey(2));
        Assert.Equal("update-r7", KitDelivery.UpdateKey(7));
        Assert.Equal("resend-3", KitDelivery.ResendKey(3));
    }

    [Fact]
    public void Queue_WhenKitIsGranted_IsQueuedForTheOrganiserWithTheLabel()
    {
        var delivery = KitDelivery.Queue(Granted(), KitDelivery.GrantKey(2), DeliveryReason.Granted, requestedBy: null, Now);

        Assert.Equal(DeliveryStatus.Queued, delivery.Status);
        Assert.Equal("communication@acieries-du-nord.example.fr", delivery.RecipientEmail);
        Assert.Equal("SDI-2020-000123", delivery.LabelNumber);
        Assert.Equal(2, delivery.LabelVersion);
        Assert.Equal(0, delivery.Attempts);
        Assert.Single(delivery.DomainEvents);
    }

    [Fact]
    public void MarkFailed_WhenErrorIsVeryLong_KeepsIts2000FirstCharactersAndSaysWhetherItRetries()
    {
        var delivery = KitDelivery.Queue(Granted(), KitDelivery.ResendKey(1), DeliveryReason.Resend, "communication@acieries-du-nord.example.fr", Now);

        delivery.MarkFailed(new string('x', 3000), willRetry: true, Now.AddMinutes(1));

        Assert.Equal(DeliveryStatus.Failed, delivery.Status);
        Assert.True(delivery.WillRetry);
        Assert.Equal(2000, delivery.LastError!.Length);
        Assert.Equal(1, delivery.Attempts);
    }

    [Fact]
    public void MarkSent_WhenAFailedAttemptCameBefore_ClearsTheErrorAndCountsBothAttempts()
    {
        var delivery = KitDelivery.Queue(Granted(), KitDelivery.GrantKey(2), DeliveryReason.Granted, null, Now);
        delivery.MarkFailed("Serveur SMTP injoignable.", willRetry: true, Now.AddMinutes(1));

        delivery.MarkSent("nouvelle-adresse@acieries-du-nord.example.fr", Now.AddMinutes(2));

        Assert.Equal(DeliveryStatus.Sent, delivery.Status);
        Assert.Null(delivery.LastError);
        Assert.False(delivery.WillRetry);
        Assert.Equal(2, delivery.Attempts);
        Assert.Equal("nouvelle-adresse@acieries-du-nord.example.fr", delivery.RecipientEmail);
        Assert.Equal(Now.AddMinutes(2), delivery.SentAtUtc);
        Assert.Equal(3, delivery.DomainEvents.Count);
    }

    [Fact]
    public void Cancel_WhenFailedAndWaitingForARetry_StopsRetrying()
    {
        var delivery = KitDelivery.Queue(Granted(), KitDelivery.GrantKey(2), DeliveryReason.Granted, null, Now);
        delivery.MarkFailed("Serveur SMTP injoignable.", willRetry: true, Now.AddMinutes(1));

        delivery.Cancel(Now.AddMinutes(3));

        Assert.Equal(DeliveryStatus.Cancelled, delivery.Status);
        Assert.False(delivery.WillRetry);
    }
}
