using System.Buffers;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using PrecisionCloud.Mec.Platform.Registry;

namespace PrecisionCloud.Mec.Platform.Http;

/// <summary>Reading requests and writing answers the way ETSI GS MEC 009 asks: JSON bodies, RFC 7807 problems naming the field, ETags and Location headers.</summary>
internal static class MecHttp
{
    public const string Json = "application/json";
    public const string ProblemJson = "application/problem+json";

    public static async Task WriteAsync<T>(HttpContext context, int status, T value, JsonTypeInfo<T> typeInfo, string? etag = null, string? location = null)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = Json;
        if (etag is not null)
        {
            response.Headers.ETag = etag;
        }

        if (location is not null)
        {
            response.Headers.Location = location;
        }

        await JsonSerializer.SerializeAsync(response.Body, value, typeInfo, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Writes a JSON array of ready-made JSON elements.</summary>
    public static Task WriteArrayAsync(HttpContext context, IEnumerable<byte[]> elements)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = Json;
        var writer = response.BodyWriter;
        writer.Write("["u8);
        var first = true;
        foreach (var element in elements)
        {
            if (!first)
            {
                writer.Write(","u8);
            }

            writer.Write(element);
            first = false;
        }

        writer.Write("]"u8);
        return writer.FlushAsync(context.RequestAborted).AsTask();
    }

    public static Task NoContent(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    public static Task ProblemAsync(HttpContext context, MecError error) =>
        ProblemAsync(context, error.Status, error.Title, error.Detail);

    public static async Task ProblemAsync(HttpContext context, int status, string title, string detail)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = ProblemJson;
        var problem = new ProblemDetails
        {
            Type = $"https://www.rfc-editor.org/rfc/rfc9110#status.{status}",
            Title = title,
            Status = status,
            Detail = detail,
            Instance = context.Request.Path + context.Request.QueryString,
        };
        await JsonSerializer.SerializeAsync(response.Body, problem, MecJsonTypes.ProblemDetails, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads a JSON body of a MEC type. A body that is not JSON, is too large, has a wrong type, an unknown
    /// enumeration value or misses a mandatory field gives a 400 (413, 415) that names the JSON path at fault.
    /// </summary>
    public static async Task<Outcome<T>> ReadAsync<T>(HttpContext context, JsonTypeInfo<T> typeInfo, int maxBytes)
        where T : class
    {
        var request = context.Request;
        if (request.ContentType is { } contentType
            && !(MediaTypeHeaderValue.TryParse(contentType, out var media) && media.MediaType is { } type
                && (type.Equals(Json, StringComparison.OrdinalIgnoreCase) || type.Equals(ProblemJson, StringComparison.OrdinalIgnoreCase))))
        {
            return new MecError(415, "Unsupported Media Type", $"Content-Type: '{contentType}' is not {Json}");
        }

        if (request.ContentLength > maxBytes)
        {
            return new MecError(413, "Content Too Large", $"body: {request.ContentLength} bytes, more than the {maxBytes} this platform reads");
        }

        var buffer = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            var read = await request.Body.ReadAsync(buffer.GetMemory(4096), context.RequestAborted).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > maxBytes)
            {
                return new MecError(413, "Content Too Large", $"body: more than the {maxBytes} bytes this platform reads");
            }
        }

        if (buffer.WrittenCount == 0)
        {
            return MecError.BadRequest("body", $"required: a JSON {typeInfo.Type.Name}");
        }

        try
        {
            return JsonSerializer.Deserialize(buffer.WrittenSpan, typeInfo) is { } value
                ? value
                : MecError.BadRequest("$", $"shall be a JSON {typeInfo.Type.Name}, not null");
        }
        catch (JsonException error)
        {
            return MecError.BadRequest(error.Path ?? "$", Describe(error));
        }
    }

    /// <summary>The status of the first failed precondition of a request before its handler runs: 406 or 414.</summary>
    public static MecError? CheckRequest(HttpContext context, int maxUriLength)
    {
        var request = context.Request;
        var length = request.PathBase.Value!.Length + request.Path.Value!.Length + request.QueryString.Value!.Length;
        if (length > maxUriLength)
        {
            return new MecError(414, "URI Too Long", $"request URI: {length} characters, more than the {maxUriLength} this platform reads");
        }

        return Acceptable(request.Headers.Accept)
            ? null
            : new MecError(406, "Not Acceptable", $"Accept: '{request.Headers.Accept}' admits neither {Json} nor {ProblemJson}");
    }

    /// <summary>A route value of the request (the routes give every value they name).</summary>
    public static string Route(HttpContext context, string name) => (string)context.Request.RouteValues[name]!;

    /// <summary>Answers an application instance's subscriptions of one API as a <see cref="SubscriptionLinkList"/> (404 for an instance the platform does not know).</summary>
    public static Task SubscriptionListAsync(HttpContext context, MecRegistry registry, string app, string listHref, IEnumerable<SubscriptionLink> subscriptions) =>
        registry.IsKnownOrAdmitted(app)
            ? WriteAsync(context, StatusCodes.Status200OK, new SubscriptionLinkList(new SubscriptionLinkListLinks(new LinkType(listHref), [.. subscriptions])), MecJsonTypes.SubscriptionLinkList)
            : ProblemAsync(context, MecError.NotFound($"application instance {app}"));

    /// <summary>A list query parameter, given repeated or comma separated (GS MEC 009 clause 6.19); none when absent.</summary>
    public static IReadOnlyList<string>? Values(Microsoft.Extensions.Primitives.StringValues values) =>
        values.Count == 0 ? null : [.. values.SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];

    public static string? IfMatch(HttpContext context) =>
        context.Request.Headers.IfMatch is { Count: > 0 } values ? values.ToString() : null;

    private static bool Acceptable(Microsoft.Extensions.Primitives.StringValues accept)
    {
        if (accept.Count == 0)
        {
            return true;
        }

        foreach (var value in accept)
        {
            foreach (var item in (value ?? string.Empty).Split(','))
            {
                if (MediaTypeWithQualityHeaderValue.TryParse(item.Trim(), out var media) && media.Quality is not 0
                    && media.MediaType is "*/*" or "application/*" or Json or ProblemJson)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static string Describe(JsonException error)
    {
        // The serializer's messages name .NET types; say what the specification's reader needs to hear.
        var message = error.Message;
        if (message.Contains("missing required properties", StringComparison.Ordinal))
        {
            var start = message.IndexOf("including: ", StringComparison.Ordinal);
            return start >= 0 ? $"missing mandatory field(s) {message[(start + 11)..].TrimEnd('.')}" : "a mandatory field is missing";
        }

        if (message.Contains("could not be converted", StringComparison.Ordinal))
        {
            return "wrong type or value (for an enumeration: not one of its values)";
        }

        return error.InnerException is null ? "not valid JSON: " + message.Split(" Path:")[0] : "not valid JSON";
    }
}
