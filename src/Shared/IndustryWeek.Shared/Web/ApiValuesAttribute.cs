using IndustryWeek.Shared.PublishedLanguage;

namespace IndustryWeek.Shared.Web;

/// <summary>The published vocabularies of an event (API.md), by their API names.</summary>
public enum ApiVocabulary
{
    Formats,
    Audiences,
    Sectors,
}

/// <summary>
/// The only values a string (or each string of a list) of an API answer or request takes, declared for the API
/// document (`enum`): an enum's names where the code keeps the value as a string, or one of the event vocabularies.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class ApiValuesAttribute : Attribute
{
    public ApiValuesAttribute(Type enumType) => Values = Enum.GetNames(enumType);

    public ApiValuesAttribute(ApiVocabulary vocabulary) => Values = vocabulary switch
    {
        ApiVocabulary.Formats => [.. EventWords.Formats.Keys],
        ApiVocabulary.Audiences => [.. EventWords.Audiences.Keys],
        ApiVocabulary.Sectors => [.. EventWords.Sectors.Keys],
        _ => throw new ArgumentOutOfRangeException(nameof(vocabulary)),
    };

    public IReadOnlyList<string> Values { get; }
}
