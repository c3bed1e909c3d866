using System.Collections.Frozen;
using System.Reflection;
using FluentValidation;
using FluentValidation.Internal;
using FluentValidation.Validators;
using IndustryWeek.Shared.Web;

namespace IndustryWeek.Host.Features.ApiReference;

/// <summary>What the API document says of one string property (or of each string of a list), read from its validators.</summary>
internal sealed record StringRules(int? MinLength, int? MaxLength, string? Format);

/// <summary>
/// The length limits and formats of the request properties, read from the modules' FluentValidation validators (the one
/// place they are written): `Length`/`MaximumLength` give minLength and maxLength, `EmailAddress` gives `format: email`,
/// <see cref="WebAddressValidator{T}"/> gives `format: uri`. A rule counts wherever it applies, conditions aside: the
/// document states the limit, the validator decides when it is checked.
/// </summary>
internal static class ValidatorRules
{
    private static readonly Lazy<FrozenDictionary<(Type, string), StringRules>> Properties = new(() => ReadAll(items: false));
    private static readonly Lazy<FrozenDictionary<(Type, string), StringRules>> Items = new(() => ReadAll(items: true));

    /// <summary>
    /// The rules of the property <paramref name="member"/> (of its items when <paramref name="items"/>), or null: its own
    /// type's, or those of the type its body becomes (<see cref="ApiValidatedAsAttribute"/>) for a field of the same name.
    /// </summary>
    public static StringRules? For(PropertyInfo member, bool items)
    {
        ArgumentNullException.ThrowIfNull(member);
        var rules = (items ? Items : Properties).Value;
        return rules.GetValueOrDefault((member.DeclaringType!, member.Name))
            ?? (member.DeclaringType!.GetCustomAttribute<ApiValidatedAsAttribute>() is { } validatedAs ? rules.GetValueOrDefault((validatedAs.Validated, member.Name)) : null);
    }

    private static FrozenDictionary<(Type, string), StringRules> ReadAll(bool items)
    {
        var found = new Dictionary<(Type, string), StringRules>();
        foreach (var validator in Validators())
        {
            var validated = validator.GetType().BaseTypes().First(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(AbstractValidator<>)).GetGenericArguments()[0];
            foreach (var rule in (IEnumerable<IValidationRule>)validator)
            {
                var isCollection = rule.GetType().GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICollectionRule<,>));
                if (isCollection != items || rule.PropertyName is not { } path)
                {
                    continue;
                }

                // A property of the validated type (or of one of its parts); else the name the rule reports its errors
                // under (OverridePropertyName: one property checked under the body field's name).
                var key = Resolve(validated, path) is { } member ? (member.DeclaringType!, member.Name) : (validated, path);
                var known = found.GetValueOrDefault(key) ?? new StringRules(null, null, null);
                foreach (var component in rule.Components)
                {
                    known = component.Validator switch
                    {
                        ILengthValidator length => known with
                        {
                            MinLength = length.Min > 0 ? Math.Max(known.MinLength ?? 0, length.Min) : known.MinLength,
                            MaxLength = length.Max > 0 ? Math.Min(known.MaxLength ?? int.MaxValue, length.Max) : known.MaxLength,
                        },
                        IEmailValidator => known with { Format = "email" },
                        IWebAddressValidator web => known with { Format = "uri", MaxLength = Math.Min(known.MaxLength ?? int.MaxValue, web.MaxLength) },
                        _ => known,
                    };
                }

                if (known != new StringRules(null, null, null))
                {
                    found[key] = known;
                }
            }
        }

        return found.ToFrozenDictionary();
    }

    /// <summary>« PublicContact.Email » from <paramref name="type"/>: the property it ends on.</summary>
    private static PropertyInfo? Resolve(Type type, string path)
    {
        PropertyInfo? member = null;
        foreach (var name in path.Split('.'))
        {
            member = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).FirstOrDefault(p => p.Name == name);
            if (member is null)
            {
                return null;
            }

            type = member.PropertyType;
        }

        return member;
    }

    /// <summary>Every validator of the modules that can be made without services (the request validators and the parts they compose).</summary>
    private static IEnumerable<IValidator> Validators() =>
        typeof(ValidatorRules).Assembly.GetReferencedAssemblies()
            .Where(a => a.Name?.StartsWith("IndustryWeek.", StringComparison.Ordinal) == true)
            .Select(Assembly.Load)
            .Append(typeof(ValidatorRules).Assembly)
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsAbstract: false, ContainsGenericParameters: false } && typeof(IValidator).IsAssignableFrom(t)
                && t.BaseTypes().Any(b => b.IsGenericType && b.GetGenericTypeDefinition() == typeof(AbstractValidator<>))
                && t.GetConstructor(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance, Type.EmptyTypes) is not null)
            .Select(t => (IValidator)Activator.CreateInstance(t, nonPublic: true)!);

    private static IEnumerable<Type> BaseTypes(this Type type)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            yield return t;
        }
    }
}
