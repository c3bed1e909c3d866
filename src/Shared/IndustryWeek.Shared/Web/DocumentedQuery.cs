using Microsoft.AspNetCore.Builder;

namespace IndustryWeek.Shared.Web;

/// <summary>
/// A query parameter an endpoint reads itself from the query string (several filters parsed together, with French
/// errors), so the API document would not know it: declared here, drawn into `/openapi/v1.json` by the host.
/// </summary>
/// <param name="Type">The JSON Schema type of one value: string, integer, number or boolean.</param>
/// <param name="Format">A JSON Schema format (date, uuid), or null.</param>
/// <param name="Values">The only values accepted, or null.</param>
/// <param name="Repeatable">Whether it may be given several times (`format=A&amp;format=B`), or as a comma-separated list.</param>
public sealed record QueryParameterDoc(
    string Name,
    string Description,
    string Type = "string",
    string? Format = null,
    IReadOnlyList<string>? Values = null,
    bool Repeatable = false);

/// <summary>The query parameters of an endpoint, as endpoint metadata.</summary>
public sealed record DocumentedQuery(IReadOnlyList<QueryParameterDoc> Parameters);

public static class DocumentedQueryExtensions
{
    public static TBuilder WithQueryParameters<TBuilder>(this TBuilder builder, IReadOnlyList<QueryParameterDoc> parameters)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new DocumentedQuery(parameters));
}
