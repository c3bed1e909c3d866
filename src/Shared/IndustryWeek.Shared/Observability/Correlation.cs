using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IndustryWeek.Shared.Observability;

/// <summary>
/// The correlation id of the work in progress: set from the HTTP request that started it, written with
/// each outbox message, restored when the message is published and when a job it scheduled runs, so an
/// operator can follow one approval to its kit email and its pin. <see cref="Cause"/> names the
/// notification being handled, for the jobs it schedules.
/// </summary>
public static class Correlation
{
    public const string HeaderName = "X-Correlation-Id";

    public const int MaxLength = 64;

    private static readonly AsyncLocal<Frame?> CurrentFrame = new();

    public static string? Id => CurrentFrame.Value?.Id;

    /// <summary>The notification being published ("LabelGranted"); null outside the outbox dispatcher.</summary>
    public static string? Cause => CurrentFrame.Value?.Cause;

    /// <summary>The outbox message id of <see cref="Cause"/>.</summary>
    public static Guid? CauseMessageId => CurrentFrame.Value?.CauseMessageId;

    /// <summary>Makes <paramref name="id"/> current until the scope is disposed (a new id when none is given).</summary>
    public static IDisposable Begin(string? id) => Push(new Frame(string.IsNullOrEmpty(id) ? NewId() : id, null, null));

    /// <summary>While an outbox message is published: its work's id, and the message as the cause of what its handlers schedule.</summary>
    public static IDisposable BeginHandling(string? id, string notificationType, Guid messageId) =>
        Push(new Frame(string.IsNullOrEmpty(id) ? NewId() : id, notificationType, messageId));

    private static Restore Push(Frame frame)
    {
        var previous = CurrentFrame.Value;
        CurrentFrame.Value = frame;
        return new Restore(previous);
    }

    public static string NewId() => ActivityTraceId.CreateRandom().ToHexString();

    /// <summary>A caller's id is kept only when it is short and plain (letters, digits, '-', '_', '.'): it ends up in logs and pages.</summary>
    public static bool IsAcceptable(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= MaxLength && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    /// <summary>A log scope carrying the current id, so every line logged within it says which work it belongs to.</summary>
    public static IDisposable? BeginLogScope(ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        return Id is { } id ? logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = id }) : null;
    }

    /// <summary>Every request gets an id (the caller's <c>X-Correlation-Id</c> if acceptable), echoed in the answer.</summary>
    public static IApplicationBuilder UseCorrelation(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("IndustryWeek.Correlation");
        return app.Use(async (context, next) =>
        {
            var given = context.Request.Headers[HeaderName].ToString();
            using var scope = Begin(IsAcceptable(given) ? given : NewId());
            context.Response.Headers[HeaderName] = Id;
            Activity.Current?.SetTag(PlatformTelemetry.CorrelationAttribute, Id); // the request's span, when traces are exported
            using var logScope = BeginLogScope(logger);
            await next(context);
        });
    }

    private sealed record Frame(string Id, string? Cause, Guid? CauseMessageId);

    private sealed class Restore(Frame? previous) : IDisposable
    {
        public void Dispose() => CurrentFrame.Value = previous;
    }
}
