using System.Text.Json.Nodes;

namespace PrecisionCloud.Resources.OpenStack.Client;

/// <summary>One request to a service: the method, the path under the service's endpoint, a JSON body or raw content, a microversion, and whether it may be repeated.</summary>
internal sealed record OpenStackRequest(string Service, HttpMethod Method, string Path)
{
    public JsonNode? Body { get; init; }

    /// <summary>Raw content (an image upload); such a request is never repeated.</summary>
    public Func<HttpContent>? Content { get; init; }

    /// <summary>The whole <c>OpenStack-API-Version</c> value, for example <c>compute 2.79</c>.</summary>
    public string? Microversion { get; init; }

    /// <summary>Whether a 503, 429 or broken connection may be retried; by default GET, PUT, DELETE and HEAD are.</summary>
    public bool? Idempotent { get; init; }

    /// <summary>Whether a 409 means "busy, try again" here (a volume still attaching, a concurrent update).</summary>
    public bool RetryOnConflict { get; init; }

    /// <summary>Further headers (for example <c>X-Subject-Token</c>).</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    public bool MayRepeat => Content is null && (Idempotent ?? (Method == HttpMethod.Get || Method == HttpMethod.Put || Method == HttpMethod.Delete || Method == HttpMethod.Head));
}
