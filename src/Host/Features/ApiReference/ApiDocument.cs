using System.Reflection;
using System.Text.Json.Nodes;
using IndustryWeek.Shared.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;

namespace IndustryWeek.Host.Features.ApiReference;

/// <summary>
/// `/openapi/v1.json`, typed enough for a client generator and a fuzzer. ASP.NET Core builds it from the endpoints;
/// this adds what it cannot see: the type of strings (the global <c>TextWithoutNul</c> converter hides it), numbers
/// that are only numbers (the web defaults also read them from strings), the sessions' local date-times, the request
/// strings' lengths and formats as their validators check them (<see cref="ValidatorRules"/>), the authentication schemes
/// and the answers every protected, rate-limited or parameterised operation can give, the query parameters and the
/// uploaded file endpoints read themselves (<see cref="DocumentedQuery"/>, <see cref="DocumentedUpload"/>), and an
/// operationId everywhere.
/// </summary>
internal static class ApiDocument
{
    public const string BearerScheme = "bearer";
    public const string CookieScheme = "cookie";

    /// <summary>The sessions' local date-times: Europe/Paris by design, written without an offset.</summary>
    public const string LocalDateTimePattern = @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$";

    public static IServiceCollection AddApiDocument(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddSchemaTransformer(TypeSchema);
            options.AddOperationTransformer(DescribeOperation);
            options.AddDocumentTransformer(DeclareSchemes);
            options.AddDocumentTransformer(NameOperations);
        });

    private static Task TypeSchema(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        var property = context.JsonPropertyInfo;
        if (type == typeof(string))
        {
            schema.Type = property is { IsGetNullable: true } ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
        }
        else if (schema.Type is { } numeric && (numeric & (JsonSchemaType.Integer | JsonSchemaType.Number)) != 0 && (numeric & JsonSchemaType.String) != 0)
        {
            // The API writes numbers as numbers; reading "12" as 12 is a leniency, not the contract.
            schema.Type = numeric & ~JsonSchemaType.String;
            schema.Pattern = null;
        }

        if ((Nullable.GetUnderlyingType(type) ?? type).IsEnum && schema.Enum is { } values)
        {
            // An enum's component is shared by its nullable uses, which already say « or null » around it: with null
            // among its values too, a null would match both and fail `oneOf`.
            schema.Enum = [.. values.Where(v => v is not null)];
        }

        if (context.JsonTypeInfo.ElementType == typeof(string) && schema.Type is { } array && (array & JsonSchemaType.Array) != 0)
        {
            schema.Items = new OpenApiSchema { Type = JsonSchemaType.String };
        }

        if (property?.AttributeProvider?.GetCustomAttributes(typeof(ApiValuesAttribute), inherit: true).OfType<ApiValuesAttribute>().FirstOrDefault() is { } allowed)
        {
            var target = schema.Items is OpenApiSchema items && schema.Type is { } list && (list & JsonSchemaType.Array) != 0 ? items : schema;
            var nullable = target.Type is { } t && (t & JsonSchemaType.Null) != 0;
            var names = allowed.Values.Select(v => (JsonNode)JsonValue.Create(v)).ToList();
            if (nullable)
            {
                names.Add(null!); // JSON null: a request may leave it out
            }

            target.Enum = names;
        }

        if (property?.AttributeProvider?.IsDefined(typeof(ApiLocalDateTimeAttribute), inherit: true) == true)
        {
            schema.Type = schema.Type is { } local && (local & JsonSchemaType.Null) != 0 ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
            schema.Format = null;
            schema.Pattern = LocalDateTimePattern;
            schema.Description = "Date et heure locales (Europe/Paris), sans décalage : 2027-03-22T09:00:00.";
        }

        if (property?.AttributeProvider is PropertyInfo member)
        {
            var isList = schema.Items is OpenApiSchema && schema.Type is { } listType && (listType & JsonSchemaType.Array) != 0;
            if (ValidatorRules.For(member, items: isList) is { } rules)
            {
                var target = isList ? (OpenApiSchema)schema.Items! : schema;
                target.MinLength = rules.MinLength ?? target.MinLength;
                target.MaxLength = rules.MaxLength ?? target.MaxLength;
                target.Format = rules.Format ?? target.Format;
            }
        }

        // An address in an answer (`email`, `recipientEmail`…) was an EmailAddress-validated request field, or an account's
        // address: the same format, which the validators cannot tell of answers (ApiDocumentTests checks real answers).
        if (type == typeof(string) && schema.Format is null && property is { Name: var name }
            && (name == "email" || name.EndsWith("Email", StringComparison.Ordinal)))
        {
            schema.Format = "email";
        }

        return Task.CompletedTask;
    }

    private static Task DescribeOperation(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        operation.Responses ??= [];
        if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(CookieScheme, context.Document)] = [] },
            ];
            operation.Responses.TryAdd("401", new OpenApiResponse { Description = "Non connecté : jeton absent, expiré ou révoqué." });
            operation.Responses.TryAdd("403", Problem("Connecté, mais sans le rôle ou le périmètre nécessaire."));
        }

        if (metadata.OfType<EnableRateLimitingAttribute>().Any())
        {
            operation.Responses.TryAdd("429", Problem("Trop de demandes : réessayer après le délai de l'en-tête Retry-After."));
        }

        foreach (var parameter in metadata.OfType<DocumentedQuery>().SelectMany(q => q.Parameters))
        {
            operation.Parameters ??= [];
            if (operation.Parameters.Any(p => p.Name == parameter.Name && p.In == ParameterLocation.Query))
            {
                continue;
            }

            operation.Parameters.Add(new OpenApiParameter
            {
                Name = parameter.Name,
                In = ParameterLocation.Query,
                Description = parameter.Description,
                Required = false,
                Schema = parameter.Repeatable
                    ? new OpenApiSchema { Type = JsonSchemaType.Array, Items = ValueSchema(parameter) }
                    : ValueSchema(parameter),
            });
        }

        if (metadata.OfType<DocumentedUpload>().FirstOrDefault() is { } upload)
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["multipart/form-data"] = new()
                    {
                        Schema = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Object,
                            Required = new HashSet<string> { upload.Field },
                            Properties = new Dictionary<string, IOpenApiSchema>
                            {
                                [upload.Field] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = upload.Description },
                            },
                        },
                    },
                },
            };
        }

        // Bad query parameters or a bad body get French field errors (the error answers' middleware).
        if (operation.Parameters is { Count: > 0 } || operation.RequestBody is not null)
        {
            operation.Responses.TryAdd("400", Problem("Paramètres ou corps invalides : erreurs par champ, en français."));
        }

        return Task.CompletedTask;
    }

    private static OpenApiSchema ValueSchema(QueryParameterDoc parameter) => new()
    {
        Type = parameter.Type switch
        {
            "boolean" => JsonSchemaType.Boolean,
            "integer" => JsonSchemaType.Integer,
            "number" => JsonSchemaType.Number,
            _ => JsonSchemaType.String,
        },
        Format = parameter.Format,
        Enum = parameter.Values?.Select(v => (JsonNode)JsonValue.Create(v)!).ToList(),
    };

    private static OpenApiResponse Problem(string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/problem+json"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.Object } },
        },
    };

    private static Task DeclareSchemes(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "Jeton obtenu par POST /api/identity/login (renouvelé par /api/identity/refresh).",
        };
        document.Components.SecuritySchemes[CookieScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = "sdi.session",
            Description = "Le cookie de session des pages (POST /api/identity/login?useCookies=true).",
        };
        return Task.CompletedTask;
    }

    /// <summary>Operations without a name (Identity's endpoints) get one from their method and route: « postIdentityRegister ».</summary>
    private static Task NameOperations(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []))
        {
            if (operation.OperationId is { } id)
            {
                taken.Add(id);
            }
        }

        foreach (var (path, item) in document.Paths)
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                if (operation.OperationId is not null)
                {
                    continue;
                }

                var words = path.Split('/', StringSplitOptions.RemoveEmptyEntries)
                    .Where(w => w != "api" && !w.StartsWith('{'))
                    .Select(w => string.Concat(char.ToUpperInvariant(w[0]), w[1..]));
                var name = method.Method.ToLowerInvariant() + string.Concat(words);
                var unique = name;
                for (var i = 2; !taken.Add(unique); i++)
                {
                    unique = $"{name}{i}";
                }

                operation.OperationId = unique;
            }
        }

        return Task.CompletedTask;
    }
}
