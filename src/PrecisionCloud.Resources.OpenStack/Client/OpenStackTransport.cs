using System.Diagnostics;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace PrecisionCloud.Resources.OpenStack.Client;

/// <summary>
/// Sends requests to the services in a token's catalog: the endpoint chosen by type, region and interface (with
/// the API version Neutron and Glance leave out of their catalog entries), the token, the microversion, a timeout per
/// attempt, one new authentication after a 401, and retries with exponential backoff and jitter (or the server's
/// Retry-After) after 503, 429, broken connections and, where the caller says so, 409 — only for requests that may be
/// repeated. Errors become typed exceptions. Only the method, path, status and request id are logged: never a body,
/// a token or a secret.
/// </summary>
internal sealed partial class OpenStackTransport
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);
    private readonly HttpClient _http;
    private readonly OpenStackClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly OpenStackMetrics? _metrics;

    public OpenStackTransport(HttpClient http, KeystoneSession session, OpenStackClientOptions options, TimeProvider time, ILogger logger, OpenStackMetrics? metrics)
    {
        _http = http;
        Session = session;
        _options = options;
        _time = time;
        _logger = logger;
        _metrics = metrics;
    }

    public KeystoneSession Session { get; }

    public OpenStackClientOptions Options => _options;

    public TimeProvider Time => _time;

    /// <summary>
    /// Polls an object until <paramref name="poll"/> has an answer (or throws), every <see cref="OpenStackClientOptions.PollInterval"/>;
    /// past the deadline, a <see cref="TimeoutException"/> with the message <paramref name="poll"/> gave last.
    /// </summary>
    public async Task<T> PollAsync<T>(TimeSpan timeout, Func<Task<(bool Done, T Value, string Waiting)>> poll, CancellationToken cancellationToken)
    {
        var deadline = _time.GetUtcNow() + timeout;
        while (true)
        {
            var (done, value, waiting) = await poll().ConfigureAwait(false);
            if (done)
            {
                return value;
            }

            if (_time.GetUtcNow() >= deadline)
            {
                throw new TimeoutException($"{waiting} after {timeout.TotalSeconds:0} s");
            }

            await Task.Delay(_options.PollInterval, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<OpenStackResponse> SendAsync(OpenStackRequest request, CancellationToken cancellationToken)
    {
        var operation = $"{request.Method} {PathOnly(request.Path)}";
        var reauthenticated = false;
        for (var attempt = 0; ; attempt++)
        {
            var access = await Session.GetAccessAsync(cancellationToken).ConfigureAwait(false);
            var url = new Uri(Endpoint(access, request.Service), request.Path.TrimStart('/'));
            using var message = new HttpRequestMessage(request.Method, url);
            message.Headers.TryAddWithoutValidation("X-Auth-Token", access.Token);
            message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            if (request.Microversion is { } microversion)
            {
                message.Headers.TryAddWithoutValidation("OpenStack-API-Version", microversion);
                if (microversion.StartsWith("compute ", StringComparison.Ordinal))
                {
                    message.Headers.TryAddWithoutValidation("X-OpenStack-Nova-API-Version", microversion["compute ".Length..]);
                }
            }

            foreach (var (name, value) in request.Headers ?? new Dictionary<string, string>())
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }

            if (request.Content is { } content)
            {
                message.Content = content();
            }
            else if (request.Body is { } body)
            {
                message.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (request.Content is null)
            {
                // An upload takes as long as its size needs; the caller's token still bounds it.
                timeout.CancelAfter(_options.RequestTimeout);
            }

            var started = Stopwatch.GetTimestamp();
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is HttpRequestException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                var reason = exception is OperationCanceledException ? $"no answer within {_options.RequestTimeout.TotalSeconds:0.#} s" : exception.Message;
                if (request.MayRepeat && attempt < _options.MaxRetries)
                {
                    await BackOffAsync(request.Service, operation, reason, attempt, null, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                throw new OpenStackException($"{request.Service}: {operation} failed: {reason}", exception);
            }

            using (response)
            {
                var status = (int)response.StatusCode;
                var requestId = RequestIdOf(response);
                var elapsed = Stopwatch.GetElapsedTime(started);
                _metrics?.Request(request.Service, request.Method.Method, status, elapsed);
                LogRequest(_logger, request.Service, operation, status, elapsed.TotalMilliseconds, requestId);
                var text = response.Content is null ? string.Empty : await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                if (status == 401 && !reauthenticated && request.Content is null)
                {
                    // The token was revoked or expired early: authenticate once more (shared with concurrent callers).
                    reauthenticated = true;
                    Session.Invalidate(access);
                    _metrics?.Retry(request.Service, "unauthorized");
                    attempt--;
                    continue;
                }

                var retryable = (status is 503 or 429 or 502 or 504 && request.MayRepeat) || (status == 409 && request.RetryOnConflict);
                if (retryable && attempt < _options.MaxRetries)
                {
                    await BackOffAsync(request.Service, operation, $"HTTP {status}", attempt, response.Headers.RetryAfter, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (!response.IsSuccessStatusCode)
                {
                    throw OpenStackErrorMapper.Map(request.Service, operation, status, text, requestId);
                }

                JsonNode? parsed = null;
                if (!string.IsNullOrWhiteSpace(text) && response.Content?.Headers.ContentType?.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) != false)
                {
                    try
                    {
                        parsed = JsonNode.Parse(text);
                    }
                    catch (JsonException exception)
                    {
                        throw new OpenStackApiException(request.Service, operation, status, $"the answer is not JSON: {exception.Message}", null, requestId);
                    }
                }

                return new OpenStackResponse(status, parsed, requestId);
            }
        }
    }

    /// <summary>Sends a request whose object may be gone: a 404 answers <see langword="null"/> (a read) or nothing to do (a deletion).</summary>
    public async Task<OpenStackResponse?> SendUnlessGoneAsync(OpenStackRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (OpenStackNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// Every item of a list, page by page: <c>limit</c> is added, and the next page comes from the answer's
    /// <c>{collection}_links</c> (Nova, Neutron, Cinder), <c>next</c> (Glance) or <c>links.next</c> (Keystone); only its query is
    /// taken, so a next link naming another host (a proxy) still reaches this endpoint. Without links, a full page
    /// asks for the next with the last item's id as <c>marker</c>. A service that repeats a page ends the list with an error.
    /// </summary>
    public async IAsyncEnumerable<JsonObject> ListAsync(string service, string path, string collection, string? microversion, [EnumeratorCancellation] CancellationToken cancellationToken, PageStyle style = PageStyle.Marker)
    {
        var limit = _options.PageSize;
        var basePath = PathOnly(path);
        if (style == PageStyle.Whole)
        {
            // Keystone answers whole lists; "truncated" means its list_limit cut the list short.
            var whole = await SendAsync(new OpenStackRequest(service, HttpMethod.Get, path) { Microversion = microversion }, cancellationToken).ConfigureAwait(false);
            if (whole.Body?["truncated"] is JsonValue truncated && truncated.TryGetValue<bool>(out var cut) && cut)
            {
                throw new OpenStackApiException(service, $"GET {basePath}", whole.Status, "the service cut the list short (its list_limit); filter the list more narrowly", "truncated", whole.RequestId);
            }

            foreach (var item in (whole.Body?[collection] as JsonArray ?? []).OfType<JsonObject>())
            {
                yield return item;
            }

            yield break;
        }

        if (style == PageStyle.Offset)
        {
            // Nova's server groups page by offset, not marker.
            for (var offset = 0; ; offset += limit)
            {
                var query = WithParameter(WithParameter(QueryOf(path), "limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture)), "offset", offset.ToString(System.Globalization.CultureInfo.InvariantCulture));
                var page = await SendAsync(new OpenStackRequest(service, HttpMethod.Get, basePath + query) { Microversion = microversion }, cancellationToken).ConfigureAwait(false);
                var items = page.Body?[collection] as JsonArray ?? [];
                foreach (var item in items.OfType<JsonObject>())
                {
                    yield return item;
                }

                if (items.Count < limit)
                {
                    yield break;
                }
            }
        }

        var markerQuery = WithParameter(QueryOf(path), "limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        string? lastMarker = null;
        while (true)
        {
            var response = await SendAsync(new OpenStackRequest(service, HttpMethod.Get, basePath + markerQuery) { Microversion = microversion }, cancellationToken).ConfigureAwait(false);
            var items = response.Body?[collection] as JsonArray ?? [];
            string? lastId = null;
            foreach (var item in items.OfType<JsonObject>())
            {
                lastId = (string?)item["id"] ?? (string?)item["uuid"] ?? lastId;
                yield return item;
            }

            var next = NextLink(response.Body, collection);
            string? nextQuery;
            if (next is not null)
            {
                nextQuery = QueryOf(next);
            }
            else if (items.Count >= limit && lastId is not null && response.Body is JsonObject body && !body.ContainsKey(collection + "_links") && !body.ContainsKey("next"))
            {
                nextQuery = WithParameter(markerQuery, "marker", lastId);
            }
            else
            {
                yield break;
            }

            var marker = ParameterOf(nextQuery, "marker");
            if (marker is null || marker == lastMarker || items.Count == 0)
            {
                if (items.Count == 0 || marker is null)
                {
                    yield break;
                }

                throw new OpenStackApiException(service, $"GET {basePath}", response.Status, $"the service answered the page after marker {marker} again; the list is cut short", null, response.RequestId);
            }

            lastMarker = marker;
            markerQuery = nextQuery;
        }
    }

    internal static string? RequestIdOf(HttpResponseMessage response)
    {
        foreach (var name in (string[])["x-openstack-request-id", "x-compute-request-id", "openstack-request-id"])
        {
            if (response.Headers.TryGetValues(name, out var values))
            {
                return values.FirstOrDefault();
            }
        }

        return null;
    }

    private Uri Endpoint(KeystoneAccess access, string service)
    {
        var endpoint = access.Catalog.Find(service, Session.Cloud.RegionName, Session.Cloud.Interface).Url.ToString().TrimEnd('/');
        // Neutron's, Glance's and Ironic's catalog entries (and some Keystone ones) name the service root, not the API version.
        if (service == "network" && !endpoint.EndsWith("/v2.0", StringComparison.Ordinal))
        {
            endpoint += "/v2.0";
        }
        else if (service == "image" && !endpoint.EndsWith("/v2", StringComparison.Ordinal))
        {
            endpoint += "/v2";
        }
        else if (service == "identity" && !endpoint.EndsWith("/v3", StringComparison.Ordinal))
        {
            endpoint += "/v3";
        }
        else if (service == "baremetal" && !endpoint.EndsWith("/v1", StringComparison.Ordinal))
        {
            endpoint += "/v1";
        }

        return new Uri(endpoint + "/");
    }

    private static string? NextLink(JsonNode? body, string collection)
    {
        if (body is not JsonObject root)
        {
            return null;
        }

        if (root[collection + "_links"] is JsonArray links)
        {
            return links.OfType<JsonObject>().Where(l => (string?)l["rel"] == "next").Select(l => (string?)l["href"]).FirstOrDefault();
        }

        if (root["next"] is JsonValue glance && glance.TryGetValue<string>(out var href))
        {
            return href;
        }

        return root["links"] is JsonObject keystone && keystone["next"] is JsonValue value && value.TryGetValue<string>(out var next) ? next : null;
    }

    private static string PathOnly(string path) => path.IndexOf('?', StringComparison.Ordinal) is var i and >= 0 ? path[..i] : path;

    private static string QueryOf(string link) => link.IndexOf('?', StringComparison.Ordinal) is var i and >= 0 ? link[i..] : string.Empty;

    internal static string? ParameterOf(string query, string name)
    {
        foreach (var part in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && part[..equals] == name)
            {
                return Uri.UnescapeDataString(part[(equals + 1)..]);
            }
        }

        return null;
    }

    internal static string WithParameter(string query, string name, string value)
    {
        var parts = query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Where(p => !p.StartsWith(name + "=", StringComparison.Ordinal));
        return "?" + string.Join('&', parts.Append($"{name}={Uri.EscapeDataString(value)}"));
    }

    private async Task BackOffAsync(string service, string operation, string reason, int attempt, RetryConditionHeaderValue? retryAfter, CancellationToken cancellationToken)
    {
        var delay = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - _time.GetUtcNow() : (TimeSpan?)null);
        if (delay is null || delay < TimeSpan.Zero)
        {
            var exponential = _options.RetryBaseDelay * Math.Pow(2, attempt) * (0.5 + Random.Shared.NextDouble());
            delay = exponential > MaxDelay ? MaxDelay : exponential;
        }
        else if (delay > TimeSpan.FromMinutes(1))
        {
            delay = TimeSpan.FromMinutes(1);
        }

        _metrics?.Retry(service, reason.StartsWith("HTTP ", StringComparison.Ordinal) ? reason[5..] : "connection");
        LogRetry(_logger, service, operation, reason, delay.Value.TotalMilliseconds, attempt + 1);
        await Task.Delay(delay.Value, _time, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 310, Level = LogLevel.Debug, Message = "{Service} {Operation} answered {Status} in {ElapsedMs:0.0} ms (request {RequestId})")]
    private static partial void LogRequest(ILogger logger, string service, string operation, int status, double elapsedMs, string? requestId);

    [LoggerMessage(EventId = 311, Level = LogLevel.Information, Message = "{Service} {Operation}: {Reason}; retrying in {DelayMs:0} ms (retry {Retry})")]
    private static partial void LogRetry(ILogger logger, string service, string operation, string reason, double delayMs, int retry);

}
