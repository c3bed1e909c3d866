using Microsoft.AspNetCore.Builder;

namespace IndustryWeek.Shared.Web;

/// <summary>
/// A multipart/form-data body with one file, which an endpoint reads itself (not bound as IFormFile: an `Accepts`
/// declaration would make routing answer a bare 415 to other content types, instead of the endpoint's French
/// problem): declared here, drawn into `/openapi/v1.json` by the host.
/// </summary>
/// <param name="Field">The form field that carries the file (« file »).</param>
/// <param name="Description">What the file is, in French.</param>
public sealed record DocumentedUpload(string Field, string Description);

public static class DocumentedUploadExtensions
{
    public static TBuilder WithFileUpload<TBuilder>(this TBuilder builder, string field, string description)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new DocumentedUpload(field, description));
}
