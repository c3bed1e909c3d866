using System.Globalization;
using System.Reflection;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IndustryWeek.Shared.Messaging;

/// <summary>
/// MediatR 5.1.0 has no AddMediatR: this registers it and scans one module's handlers; its validators are
/// registered by FluentValidation's own <c>AddValidatorsFromAssembly</c>.
/// </summary>
public static class MessagingRegistration
{
    private static readonly Type[] ScannedInterfaces =
    [
        typeof(INotificationHandler<>),
        typeof(IRequestHandler<,>),
    ];

    public static IServiceCollection AddMessaging(this IServiceCollection services)
    {
        // French validation messages everywhere (« 'Titre' ne doit pas être vide. »).
        ValidatorOptions.Global.LanguageManager.Culture = CultureInfo.GetCultureInfo("fr");
        services.TryAddScoped<ServiceFactory>(sp => sp.GetService!);
        services.TryAddScoped<IMediator, Mediator>();
        services.TryAddScoped<INotificationPublisher, NotificationPublisher>();
        services.TryAddEnumerable(ServiceDescriptor.Transient(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>)));
        return services;
    }

    /// <summary>Registers every notification handler, request handler and request validator declared in <paramref name="assembly"/>.</summary>
    public static IServiceCollection AddHandlersFrom(this IServiceCollection services, Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        services.AddMessaging();
        foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && ScannedInterfaces.Contains(i.GetGenericTypeDefinition())))
            {
                services.TryAddEnumerable(ServiceDescriptor.Transient(contract, type));
            }
        }

        // Validators of parts of a request (a period, an address) are composed by the request's
        // validator; only a request's own validator runs in the pipeline.
        services.AddValidatorsFromAssembly(
            assembly,
            ServiceLifetime.Transient,
            filter: found => typeof(IBaseRequest).IsAssignableFrom(found.InterfaceType.GetGenericArguments()[0]),
            includeInternalTypes: true);
        return services;
    }
}
