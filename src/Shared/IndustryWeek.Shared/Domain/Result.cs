namespace IndustryWeek.Shared.Domain;

public enum ErrorKind
{
    NotFound,
    Forbidden,
    Conflict,
    BusinessRule,

    /// <summary>Asked again too soon (a rate limit kept by the domain): 429.</summary>
    TooManyRequests,
}

/// <summary>A failure a user can understand: <see cref="Message"/> is French and shown as is.</summary>
public sealed record Error(string Code, string Message, ErrorKind Kind)
{
    public static Error NotFound(string code, string message) => new(code, message, ErrorKind.NotFound);

    public static Error Forbidden(string code, string message) => new(code, message, ErrorKind.Forbidden);

    public static Error Conflict(string code, string message) => new(code, message, ErrorKind.Conflict);

    public static Error BusinessRule(string code, string message) => new(code, message, ErrorKind.BusinessRule);

    public static Error TooManyRequests(string code, string message) => new(code, message, ErrorKind.TooManyRequests);
}

public readonly record struct Result<T>
{
    private readonly T? _value;

    private Result(T? value, Error? error)
    {
        _value = value;
        Error = error;
    }

    public Error? Error { get; }

    public bool IsSuccess => Error is null;

    public T Value => IsSuccess ? _value! : throw new InvalidOperationException($"No value: {Error!.Code}");

#pragma warning disable CA1000 // factory members on a generic result are the idiom
    public static Result<T> Success(T value) => new(value, null);

    public static Result<T> Failure(Error error) => new(default, error);
#pragma warning restore CA1000

    public static implicit operator Result<T>(T value) => Success(value);

    public static implicit operator Result<T>(Error error) => Failure(error);
}
