using IndustryWeek.CommunicationKit.Domain;
using IndustryWeek.CommunicationKit.Features.Kits;
using Mapster;

namespace IndustryWeek.CommunicationKit;

/// <summary>The module's plain copies (Mapster); the kit itself has logic (downloadable, next resend) and stays written out.</summary>
internal static class CommunicationKitMapping
{
    public static TypeAdapterConfig Config { get; } = Create();

    private static TypeAdapterConfig Create()
    {
        var config = new TypeAdapterConfig { RequireExplicitMapping = true, RequireDestinationMemberSource = true };
        config.NewConfig<KitDelivery, KitDeliveryDto>()
            .Map(d => d.Error, s => s.LastError);
        return config;
    }
}
