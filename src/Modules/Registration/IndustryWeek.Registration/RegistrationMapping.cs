using IndustryWeek.Registration.Domain.Events;
using IndustryWeek.Registration.Features.Events;
using Mapster;

namespace IndustryWeek.Registration;

/// <summary>
/// The module's plain copies (Mapster). The event, the organisation and the accounts have logic (the description's
/// wording, the kit's state, the allowed actions, French labels, sorted members) and stay written out.
/// </summary>
internal static class RegistrationMapping
{
    public static TypeAdapterConfig Config { get; } = Create();

    private static TypeAdapterConfig Create()
    {
        var config = new TypeAdapterConfig { RequireExplicitMapping = true, RequireDestinationMemberSource = true };
        config.NewConfig<ParticipationReport, ParticipationDto>();
        return config;
    }
}
