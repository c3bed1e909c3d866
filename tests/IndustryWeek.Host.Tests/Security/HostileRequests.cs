using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace IndustryWeek.Host.Tests.Security;

/// <summary>What a field of a JSON body holds, to know which values are wrong for it.</summary>
internal enum FieldKind
{
    Text,
    Int,
    Number,
    Bool,
    Date,
    DateTime,
    Enum,
    Guid,
    Email,

    /// <summary>An address only looked up (forgotten password): any text is answered alike, so as not to reveal accounts.</summary>
    LookupEmail,
    Url,
    Phone,
    TextList,
    EnumList,
    GuidList,
    LongList,
    Object,
    ObjectList,
}

/// <param name="Path">« title », « location.latitude », « sessions[0].start ».</param>
/// <param name="Min">For numbers: the smallest accepted value.</param>
/// <param name="Max">For numbers: the largest accepted value.</param>
internal sealed record FieldSpec(string Path, FieldKind Kind, bool Required = false, long? Min = null, long? Max = null);

/// <summary>
/// One hostile request. <paramref name="MayPass"/>: the input is odd but may be legitimate (markup or SQL in a
/// free text, extra properties): a 2xx is allowed, and then it is the new normal of the database.
/// </summary>
internal sealed record HostileCase(string Endpoint, Persona Persona, string Method, string Path, string What, Func<HttpContent?> Content, bool MayPass);

/// <summary>A write endpoint and how to attack it: who may use it, a valid body, its fields, the slot of its path.</summary>
/// <param name="Route">« POST /api/events/{id:guid}/submit », as the app's endpoint data source spells it.</param>
/// <param name="Path">The path called, « {P} » standing for the route parameter attacked (filled by <paramref name="Target"/>).</param>
/// <param name="Destructive">A valid body would change the scene's data for good (grant, cancel...): no case that may pass is sent.</param>
/// <param name="Control">The valid body is sent once, and must be accepted (the cases are then rejected for what they change, not for the rest).</param>
internal sealed record WriteEndpoint(
    string Route,
    Persona Persona,
    string Path,
    string? Target = null,
    JsonObject? Body = null,
    FieldSpec[]? Fields = null,
    bool Destructive = false,
    bool Control = false,
    ParameterKind Parameter = ParameterKind.None,
    bool OptionalBody = false)
{
    public string Method => Route.Split(' ')[0];

    public string Resolved(string? slot = null) => Path.Replace("{P}", slot ?? Target ?? "", StringComparison.Ordinal);
}

internal enum ParameterKind
{
    None,
    Guid,
    Long,
    Text,
}

internal static class HostileRequests
{
    public const string Script = "<script>alert('xss')</script>";
    public const string ImageHandler = "<img src=x onerror=\"alert(1)\">";
    public const string Sql = "'; DROP TABLE registration_events; --";
    public const string SqlOr = "\" OR 1=1 --";

    public static readonly string Huge = new('A', 100_000);

    public static List<HostileCase> For(WriteEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var cases = new List<HostileCase>();
        var path = endpoint.Resolved();

        void Add(string what, Func<HttpContent?> content, bool mayPass, string? at = null)
        {
            if (mayPass && endpoint.Destructive)
            {
                return;
            }

            cases.Add(new HostileCase(endpoint.Route, endpoint.Persona, endpoint.Method, at ?? path, what, content, mayPass));
        }

        if (endpoint.Body is { } body)
        {
            if (endpoint.Control)
            {
                Add("valid body (control)", () => Json(body.ToJsonString()), mayPass: true);
            }

            foreach (var field in endpoint.Fields ?? [])
            {
                foreach (var (what, value, remove, mayPass) in Mutations(field))
                {
                    var changed = With(body, field.Path, value, remove);
                    Add($"{field.Path}: {what}", () => Json(changed), mayPass);
                }
            }

            Add("extra unknown properties", () => Json(Merge(body, """{"inconnu": "x", "__proto__": {"admin": true}, "constructor": {"prototype": {"isAdmin": true}}}""")), mayPass: true);
            Add("polymorphic $type", () => Json(Merge(body, """{"$type": "System.IO.FileInfo, System.IO.FileSystem", "$id": "1"}""")), mayPass: true);
            Add("duplicated properties", () => Json("{\"x\": 1, " + body.ToJsonString()[1..].Replace("}", ", \"x\": 2}", StringComparison.Ordinal)), mayPass: true);
            Add("properties in other casings", () => Json(ToUpperKeys(body)), mayPass: true);
            Add("overposting of status, label number, ids and owner", () => Json(Merge(body, Overposting)), mayPass: true);
        }

        foreach (var (what, text) in MalformedBodies)
        {
            var absent = text is "null" or "" || string.IsNullOrWhiteSpace(text);
            Add($"malformed JSON: {what}", () => Json(text), mayPass: endpoint.Body is null || (absent && endpoint.OptionalBody) || SkippedUnread.Contains(what));
        }

        Add("invalid UTF-8", () => Bytes([0x7B, 0x22, 0xC3, 0x28, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D], "application/json"), mayPass: true); // in a property name the endpoint skips
        Add("JSON nested 5,000 deep", () => Json(new string('[', 5000) + new string(']', 5000)), mayPass: endpoint.Body is null);
        Add("a 2 MB string body", () => Json("\"" + new string('x', 2_000_000) + "\""), mayPass: endpoint.Body is null);
        var valid = endpoint.Body?.ToJsonString() ?? "{}";
        Add("valid JSON as text/plain", () => Typed(valid, "text/plain"), mayPass: endpoint.Body is null);
        Add("form-urlencoded", () => Typed("title=x&status=Labelled&labelNumber=SDI-1999-000001", "application/x-www-form-urlencoded"), mayPass: endpoint.Body is null);
        Add("XML", () => Typed("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><event><title>&e;</title></event>", "application/xml"), mayPass: endpoint.Body is null);
        Add("multipart", () => Multipart(valid), mayPass: endpoint.Body is null);
        Add("no content type", () => Bytes(Encoding.UTF8.GetBytes(valid), null), mayPass: endpoint.Body is null);
        Add("JSON announced with a foreign charset", () => Bytes(Encoding.Latin1.GetBytes(valid), "application/json; charset=iso-8859-1"), mayPass: true);
        Add("no body at all", () => null, mayPass: endpoint.Body is null || endpoint.OptionalBody);

        foreach (var slot in PathSlots(endpoint.Parameter, endpoint.Target))
        {
            Add($"path parameter « {Shorten(slot.Value)} »", () => endpoint.Body is null ? null : Json(valid), slot.MayPass, endpoint.Resolved(slot.Value));
        }

        return cases;
    }

    /// <summary>Properties a client must never set itself: the platform decides them.</summary>
    public const string Overposting = """
        {"id": "11111111-2222-3333-4444-555555555555", "status": "Labelled", "labelNumber": "SDI-1999-000001",
         "organisationId": "11111111-2222-3333-4444-555555555555", "organisation": {"name": "Autre organisation"},
         "userId": "someone-else", "userEmail": "pirate@example.com", "actor": {"userId": "admin", "email": "admin@tests.local"},
         "createdAt": "1999-01-01T00:00:00Z", "criteria": [{"criterion": "Free", "passed": true}], "roles": ["Administrator"],
         "changedBy": "pirate@example.com", "assignedBy": "pirate@example.com", "number": 1, "emailConfirmed": true}
        """;

    /// <summary>Malformed only inside a property the endpoint does not have: it may be skipped unread.</summary>
    private static readonly HashSet<string> SkippedUnread = new(StringComparer.Ordinal) { "lone surrogate escape" };

    private static readonly (string What, string Text)[] MalformedBodies =
    [
        ("unterminated object", "{"),
        ("unterminated string", "{\"title\": \"abc"),
        ("trailing comma", "{\"title\": \"abc\",}"),
        ("single quotes", "{'title': 'abc'}"),
        ("comments", "/* commentaire */ {\"title\": \"abc\"}"),
        ("an array", "[]"),
        ("a string", "\"texte\""),
        ("a number", "42"),
        ("null", "null"),
        ("empty", ""),
        ("whitespace", "   \n\t "),
        ("NaN literal", "{\"title\": NaN}"),
        ("unquoted keys", "{title: \"abc\"}"),
        ("two documents", "{} {}"),
        ("control character in string", "{\"title\": \"a\u0001b\"}"),
        ("lone surrogate escape", "{\"title\": \"\\ud800\"}"),
    ];

    private static IEnumerable<(string What, JsonNode? Value, bool Remove, bool MayPass)> Mutations(FieldSpec field)
    {
        var required = field.Required;
        yield return ("missing", null, true, !required);
        yield return ("null", null, false, !required);
        switch (field.Kind)
        {
            case FieldKind.Text:
                yield return ("a number", 12345, false, false);
                yield return ("a boolean", true, false, false);
                yield return ("an array", new JsonArray("a", "b"), false, false);
                yield return ("an object", new JsonObject { ["a"] = 1 }, false, false);
                yield return ("100,000 characters", Huge, false, false);
                yield return ("blank", "   ", false, !required);
                yield return ("a script tag", Script, false, true);
                yield return ("an image with a handler", ImageHandler, false, true);
                yield return ("an SQL fragment", Sql, false, true);
                yield return ("an SQL tautology", SqlOr, false, true);
                yield return ("a NUL character", "Texte\u0000avec un NUL", false, true);
                yield return ("right-to-left override and emoji", "Visite \u202Egpj.exe 🏭👩‍🔧", false, true);
                yield return ("a formula", "=HYPERLINK(\"http://evil.example\";\"clic\")", false, true);
                break;
            case FieldKind.Int:
                yield return ("a word", "douze", false, false);
                yield return ("a decimal", 1.5, false, false);
                yield return ("a boolean", true, false, false);
                yield return ("an array", new JsonArray(1), false, false);
                yield return ("beyond Int32", 2147483648L, false, false);
                yield return ("below Int32", -2147483649L, false, false);
                yield return ("an exponent overflow", JsonNode.Parse("1e400"), false, false);
                yield return ("Int32.MaxValue", int.MaxValue, false, field.Max is null || field.Max >= int.MaxValue);
                yield return ("Int32.MinValue", int.MinValue, false, field.Min is null);
                yield return ("negative", -1, false, field.Min is null || field.Min < 0);
                yield return ("zero", 0, false, field.Min is null || field.Min <= 0);
                if (field.Min is { } min)
                {
                    yield return ($"below its minimum ({min - 1})", min - 1, false, false);
                }

                if (field.Max is { } max)
                {
                    yield return ($"above its maximum ({max + 1})", max + 1, false, false);
                }

                break;
            case FieldKind.Number:
                yield return ("a word", "nord", false, false);
                yield return ("NaN as a string", "NaN", false, false);
                yield return ("Infinity as a string", "Infinity", false, false);
                yield return ("an exponent overflow", JsonNode.Parse("1e400"), false, false);
                yield return ("out of the globe", 999.5, false, false);
                yield return ("far south", -89.9, false, false);
                yield return ("a boolean", false, false, false);
                break;
            case FieldKind.Bool:
                yield return ("« oui »", "oui", false, false);
                yield return ("« true » as a string", "true", false, false);
                yield return ("1", 1, false, false);
                yield return ("an object", new JsonObject(), false, false);
                break;
            case FieldKind.Date:
                yield return ("30 February", "2027-02-30", false, false);
                yield return ("French order", "16/11/2027", false, false);
                yield return ("month 13", "2027-13-01", false, false);
                yield return ("a word", "demain", false, false);
                yield return ("a date-time", "2027-03-22T09:00:00", false, false);
                yield return ("a number", 20271116, false, false);
                yield return ("empty", "", false, false);
                yield return ("year 0", "0000-01-01", false, false);
                yield return ("year 9999", "9999-12-31", false, false);
                yield return ("year 1", "0001-01-01", false, false);
                break;
            case FieldKind.DateTime:
                yield return ("hour 25", "2027-03-23T25:00", false, false);
                yield return ("30 February", "2027-02-30T09:00", false, false);
                yield return ("a word", "mardi matin", false, false);
                yield return ("an unknown time zone", "2027-03-23T09:00 Europe/Atlantide", false, false);
                yield return ("a time zone in brackets", "2027-03-23T09:00[Europe/Paris]", false, false);
                yield return ("an impossible offset", "2027-03-23T09:00+25:00", false, false);
                yield return ("the hour skipped by daylight saving", "2027-03-28T02:30", false, false);
                yield return ("the 19th century", "1899-03-23T09:00", false, false);
                yield return ("the year 9999", "9999-03-23T09:00", false, false);
                yield return ("a number", 1700000000, false, false);
                yield return ("far east offset", "2027-03-23T09:00+14:00", false, true);
                yield return ("UTC", "2027-03-23T08:00Z", false, true);
                yield return ("100,000 characters", Huge, false, false);
                break;
            case FieldKind.Enum:
                yield return ("unknown", "Inconnu", false, false);
                yield return ("a number", 3, false, false);
                yield return ("a script tag", Script, false, false);
                yield return ("an SQL fragment", Sql, false, false);
                yield return ("100,000 characters", Huge, false, false);
                yield return ("empty", "", false, !required);
                break;
            case FieldKind.Guid:
                yield return ("not a GUID", "pas-un-guid", false, false);
                yield return ("a path", "../../etc/passwd", false, false);
                yield return ("a number", 123, false, false);
                yield return ("empty", "", false, false);
                yield return ("the empty GUID", Guid.Empty.ToString(), false, true);
                yield return ("an unknown GUID", Guid.NewGuid().ToString(), false, true);
                break;
            case FieldKind.LookupEmail:
                yield return ("not an address", "pas-une-adresse", false, true);
                yield return ("100,000 characters", Huge + "@exemple.fr", false, true);
                yield return ("a number", 42, false, false);
                yield return ("markup", "<script>alert(1)</script>@exemple.fr", false, true);
                yield return ("header injection", "a@exemple.fr\r\nBcc: victime@exemple.fr", false, true);
                break;
            case FieldKind.Email:
                yield return ("not an address", "pas-une-adresse", false, false);
                yield return ("100,000 characters", Huge + "@exemple.fr", false, false);
                yield return ("a number", 42, false, false);
                yield return ("markup", "<script>alert(1)</script>@exemple.fr", false, true);
                yield return ("header injection", "a@exemple.fr\r\nBcc: victime@exemple.fr", false, false);
                break;
            case FieldKind.Url:
                yield return ("javascript:", "javascript:alert(document.cookie)", false, false);
                yield return ("data:", "data:text/html,<script>alert(1)</script>", false, false);
                yield return ("relative", "/reserver", false, false);
                yield return ("ftp", "ftp://exemple.fr/fichier", false, false);
                yield return ("100,000 characters", "https://exemple.fr/" + Huge, false, false);
                yield return ("a number", 42, false, false);
                yield return ("quotes and markup", "https://exemple.fr/\"><script>alert(1)</script>", false, true);
                break;
            case FieldKind.Phone:
                yield return ("letters", "zéro trois vingt", false, false);
                yield return ("markup", Script, false, false);
                yield return ("100,000 digits", new string('1', 100_000), false, false);
                yield return ("a number", 320964806, false, false);
                break;
            case FieldKind.TextList or FieldKind.EnumList or FieldKind.GuidList or FieldKind.LongList:
                var item = field.Kind switch { FieldKind.GuidList => (JsonNode)Guid.Empty.ToString(), _ => "Pupils" };
                yield return ("a single string", "Pupils", false, false);
                yield return ("an object", new JsonObject { ["0"] = "Pupils" }, false, false);
                yield return ("numbers", new JsonArray(1, 2), false, field.Kind == FieldKind.LongList);
                yield return ("a null item", new JsonArray((JsonNode?)null), false, false);
                yield return ("nested arrays", new JsonArray(new JsonArray(item.DeepClone())), false, false);
                yield return ("10,000 items", new JsonArray([.. Enumerable.Range(0, 10_000).Select(i => (JsonNode?)(field.Kind == FieldKind.GuidList ? Guid.NewGuid().ToString() : $"item {i}"))]), false, false);
                yield return ("an item of 100,000 characters", new JsonArray(Huge), false, false);
                if (field.Kind == FieldKind.EnumList)
                {
                    yield return ("an unknown item", new JsonArray("Inconnu"), false, false);
                    yield return ("a script item", new JsonArray(Script), false, false);
                }
                else if (field.Kind == FieldKind.LongList)
                {
                    yield return ("negative ids", new JsonArray(-1, long.MinValue), false, true);
                    yield return ("beyond Int64", new JsonArray(JsonNode.Parse("9223372036854775808")), false, false);
                    yield return ("decimals", new JsonArray(1.5), false, false);
                }
                else if (field.Kind == FieldKind.GuidList)
                {
                    yield return ("a non-GUID item", new JsonArray("pas-un-guid"), false, false);
                    yield return ("a path item", new JsonArray("../../etc/passwd"), false, false);
                }
                else
                {
                    yield return ("a script item", new JsonArray(Script), false, true);
                    yield return ("an SQL item", new JsonArray(Sql), false, true);
                }

                yield return ("empty", new JsonArray(), false, !required);
                break;
            case FieldKind.Object:
                yield return ("a string", "texte", false, false);
                yield return ("an array", new JsonArray(), false, false);
                yield return ("a number", 7, false, false);
                yield return ("empty", new JsonObject(), false, true); // all its members may be optional
                break;
            case FieldKind.ObjectList:
                yield return ("a string", "texte", false, false);
                yield return ("an object", new JsonObject(), false, false);
                yield return ("numbers", new JsonArray(1, 2), false, false);
                yield return ("a null item", new JsonArray((JsonNode?)null), false, false);
                yield return ("an empty item", new JsonArray(new JsonObject()), false, false);
                yield return ("1,000 empty items", new JsonArray([.. Enumerable.Range(0, 1000).Select(_ => (JsonNode?)new JsonObject())]), false, false);
                yield return ("empty", new JsonArray(), false, !required);
                break;
        }
    }

    private static IEnumerable<(string Value, bool MayPass)> PathSlots(ParameterKind kind, string? target)
    {
        switch (kind)
        {
            case ParameterKind.None:
                yield break;
            case ParameterKind.Guid:
                yield return ("pas-un-guid", false);
                yield return ("..%2F..%2Fadmin", false);
                yield return ("%2E%2E", false);
                yield return ("..%252F..%252Fadmin", false);
                yield return (Guid.Empty.ToString(), false);
                yield return (Guid.NewGuid().ToString(), false);
                yield return (target + "%01", false); // (a NUL never gets past the server's request line)
                yield return (target + "'%20OR%20'1'%3D'1", false);
                yield return (Uri.EscapeDataString("<script>alert(1)</script>"), false);
                yield return (new string('f', 5000), false);
                yield return ("%7B" + target + "%7D", true); // {guid}: a GUID in braces is still that GUID
                yield return (target?.ToUpperInvariant() ?? "", true);
                break;
            case ParameterKind.Long:
                yield return ("-1", false);
                yield return ("0", false);
                yield return ("9223372036854775808", false);
                yield return ("1.5", false);
                yield return ("1e3", false);
                yield return ("abc", false);
                yield return ("1%20OR%201%3D1", false);
                yield return ("..%2F1", false);
                break;
            case ParameterKind.Text:
                yield return ("..%2F..%2Fjobs", false);
                yield return ("%2E%2E", false);
                yield return (Uri.EscapeDataString("<script>alert(1)</script>"), false);
                yield return (Uri.EscapeDataString("' OR '1'='1"), false);
                yield return (Uri.EscapeDataString(Sql), false);
                yield return ("nom%01controle", false);
                yield return (new string('a', 5000), false);
                yield return ("%C3%28", false); // invalid UTF-8 once decoded
                break;
        }
    }

    private static string Shorten(string value) => value.Length <= 50 ? value : value[..50] + "…";

    private static StringContent Json(string text) => Typed(text, "application/json");

    private static StringContent Typed(string text, string mediaType)
    {
        var content = new StringContent(text, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
        return content;
    }

    private static ByteArrayContent Bytes(byte[] bytes, string? mediaType)
    {
        var content = new ByteArrayContent(bytes);
        if (mediaType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
        }

        return content;
    }

    private static MultipartFormDataContent Multipart(string json) => new() { { new StringContent(json, Encoding.UTF8, "application/json"), "body", "body.json" } };

    private static string With(JsonObject body, string path, JsonNode? value, bool remove)
    {
        var copy = body.DeepClone().AsObject();
        var parts = path.Split('.');
        JsonNode current = copy;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            current = Step(current, parts[i]) ?? throw new InvalidOperationException($"{path}: no « {parts[i]} » in the valid body");
        }

        var last = parts[^1];
        var (name, index) = Indexed(last);
        var holder = index is null ? current : Step(current, name)!;
        if (index is { } at)
        {
            if (remove)
            {
                holder.AsArray().RemoveAt(at);
            }
            else
            {
                holder.AsArray()[at] = value?.DeepClone();
            }
        }
        else if (remove)
        {
            holder.AsObject().Remove(name);
        }
        else
        {
            holder.AsObject()[name] = value?.DeepClone();
        }

        return copy.ToJsonString();

        static JsonNode? Step(JsonNode node, string part)
        {
            var (name, index) = Indexed(part);
            var child = node.AsObject()[name];
            return index is { } i ? child?.AsArray()[i] : child;
        }

        static (string Name, int? Index) Indexed(string part)
        {
            var open = part.IndexOf('[', StringComparison.Ordinal);
            return open < 0 ? (part, null) : (part[..open], int.Parse(part[(open + 1)..^1], System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static string Merge(JsonObject body, string extra)
    {
        var copy = body.DeepClone().AsObject();
        foreach (var (key, value) in JsonNode.Parse(extra)!.AsObject())
        {
            copy[key] = value?.DeepClone();
        }

        return copy.ToJsonString();
    }

    private static string ToUpperKeys(JsonObject body)
    {
        var copy = new JsonObject();
        foreach (var (key, value) in body)
        {
            copy[key.ToUpperInvariant()] = value?.DeepClone();
        }

        return copy.ToJsonString();
    }
}
