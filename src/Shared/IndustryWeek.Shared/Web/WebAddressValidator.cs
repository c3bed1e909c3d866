using FluentValidation;
using FluentValidation.Validators;

namespace IndustryWeek.Shared.Web;

/// <summary>
/// A complete web address (http or https, a host with a dot, at most <see cref="MaxLength"/> characters). A validator
/// of its own rather than a `Must`, so that the API document can read the rule (`format: uri`, `maxLength`).
/// </summary>
public sealed class WebAddressValidator<T> : PropertyValidator<T, string?>, IWebAddressValidator
{
    public override string Name => "WebAddressValidator";

    public int MaxLength => WebAddresses.MaxLength;

    public override bool IsValid(ValidationContext<T> context, string? value) => value is null || WebAddresses.IsValid(value);

    protected override string GetDefaultMessageTemplate(string errorCode) => "Ce n'est pas une adresse web complète (https://…).";
}

/// <summary>What the API document reads of <see cref="WebAddressValidator{T}"/>.</summary>
public interface IWebAddressValidator
{
    int MaxLength { get; }
}

public static class WebAddresses
{
    public const int MaxLength = 500;

    public static bool IsValid(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length <= MaxLength && Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
            && !string.IsNullOrEmpty(uri.Host) && uri.Host.Contains('.', StringComparison.Ordinal);
    }

    /// <summary>`RuleFor(x => x.Url).WebAddress()`: a complete web address, or nothing.</summary>
    public static IRuleBuilderOptions<T, string?> WebAddress<T>(this IRuleBuilder<T, string?> rule) =>
        rule.SetValidator(new WebAddressValidator<T>());
}
