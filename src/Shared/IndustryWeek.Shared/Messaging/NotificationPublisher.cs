using System.Collections.Concurrent;
using System.Reflection;
using MediatR;

namespace IndustryWeek.Shared.Messaging;

/// <summary>Publishes a notification whose type is known only at run time (read back from an outbox).</summary>
public interface INotificationPublisher
{
    Task PublishAsync(INotification notification, CancellationToken cancellationToken);
}

internal sealed class NotificationPublisher(IMediator mediator) : INotificationPublisher
{
    private static readonly MethodInfo PublishTyped =
        typeof(NotificationPublisher).GetMethod(nameof(PublishAs), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static readonly ConcurrentDictionary<Type, Func<IMediator, INotification, CancellationToken, Task>> Publishers = new();

    public Task PublishAsync(INotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var publish = Publishers.GetOrAdd(
            notification.GetType(),
            type => PublishTyped.MakeGenericMethod(type).CreateDelegate<Func<IMediator, INotification, CancellationToken, Task>>());
        return publish(mediator, notification, cancellationToken);
    }

    private static Task PublishAs<T>(IMediator mediator, INotification notification, CancellationToken cancellationToken)
        where T : INotification => mediator.Publish((T)notification, cancellationToken);
}
