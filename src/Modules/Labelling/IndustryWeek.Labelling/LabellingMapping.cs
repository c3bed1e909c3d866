using IndustryWeek.Labelling.Domain.Applications;
using IndustryWeek.Labelling.Features.StockReasons;
using Mapster;

namespace IndustryWeek.Labelling;

/// <summary>The module's plain copies (Mapster); the queue's summaries and the statistics have logic and stay written out.</summary>
internal static class LabellingMapping
{
    public static TypeAdapterConfig Config { get; } = Create();

    private static TypeAdapterConfig Create()
    {
        var config = new TypeAdapterConfig { RequireExplicitMapping = true, RequireDestinationMemberSource = true };
        config.NewConfig<StockReason, StockReasonDto>();
        return config;
    }
}
