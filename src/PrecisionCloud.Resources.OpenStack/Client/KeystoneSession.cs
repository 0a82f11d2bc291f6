using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace PrecisionCloud.Resources.OpenStack.Client;

/// <summary>
/// Authenticates against Keystone v3 and keeps the token. A token is renewed before it expires (the refresh margin,
/// or half its life when shorter); many callers that need a new token at once share one authentication
/// (single-flight), so a fleet of requests never becomes a storm of logins. A token a service refused (401) is
/// dropped only if it is still the current one, so concurrent refusals cause one renewal, not one each.
/// </summary>
public sealed partial class KeystoneSession
{
    private readonly HttpClient _http;
    private readonly OpenStackCloudOptions _cloud;
    private readonly OpenStackClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private KeystoneAccess? _current;
    private Task<KeystoneAccess>? _pending;
    private int _authentications;
    private int _failures;
    private DateTimeOffset _nextAttempt;

    /// <summary>Creates a session; nothing is sent until a token is asked for.</summary>
    /// <param name="http">The HTTP client (not disposed by the session).</param>
    /// <param name="cloud">Where Keystone is and the credentials.</param>
    /// <param name="options">Timeouts and the refresh margin.</param>
    /// <param name="time">The clock.</param>
    /// <param name="logger">The logger; it never receives a secret or a token.</param>
    public KeystoneSession(HttpClient http, OpenStackCloudOptions cloud, OpenStackClientOptions options, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(cloud);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        if (cloud.Validate() is { } problem)
        {
            throw new OpenStackException($"the cloud's options cannot authenticate: {problem}");
        }

        _http = http;
        _cloud = cloud;
        _options = options;
        _time = time;
        _logger = logger;
        IdentityUrl = IdentityBase(cloud.AuthUrl!);
    }

    /// <summary>The cloud this session authenticates to.</summary>
    public OpenStackCloudOptions Cloud => _cloud;

    /// <summary>Keystone's v3 address, ending in <c>/v3</c>.</summary>
    public Uri IdentityUrl { get; }

    /// <summary>How many times this session has authenticated.</summary>
    public int Authentications => Volatile.Read(ref _authentications);

    /// <summary>
    /// A valid token. The current one while it is far enough from expiry; within the refresh margin the current one
    /// is still returned at once while one renewal runs in the background (so a slow Keystone never stalls requests
    /// while the token is valid), and after a failed renewal the next attempt waits a backoff. Without a valid token,
    /// callers wait for one authentication, shared by all of them.
    /// </summary>
    /// <param name="cancellationToken">Stops this caller waiting; the shared authentication goes on for the others.</param>
    /// <exception cref="OpenStackException">Keystone refused (a typed <see cref="OpenStackApiException"/>) or did not answer in time.</exception>
    public async ValueTask<KeystoneAccess> GetAccessAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _current);
        var now = _time.GetUtcNow();
        if (current is not null && !NeedsRenewal(current, now))
        {
            return current;
        }

        Task<KeystoneAccess> pending;
        lock (_gate)
        {
            current = _current;
            if (current is not null && !NeedsRenewal(current, now))
            {
                return current;
            }

            // A token that is still valid for a while serves callers while the renewal runs (or waits its backoff).
            var usable = current is not null && current.ExpiresAt - now > UsableFor;
            if (usable && _pending is null && now < _nextAttempt)
            {
                return current!;
            }

            if (_pending is null)
            {
                _pending = AuthenticateAsync();
                if (usable)
                {
                    _ = _pending.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                }
            }

            pending = _pending;
            if (usable)
            {
                return current!;
            }
        }

        return await pending.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Drops a token a service refused, if it is still the current one; the next call authenticates again.</summary>
    /// <param name="refused">The token that was refused.</param>
    public void Invalidate(KeystoneAccess refused)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_current, refused))
            {
                _current = null;
            }
        }
    }

    /// <summary>How long a token must still be valid to serve requests while it is renewed in the background.</summary>
    private static readonly TimeSpan UsableFor = TimeSpan.FromSeconds(10);

    private bool NeedsRenewal(KeystoneAccess access, DateTimeOffset now)
    {
        var life = access.ExpiresAt - access.IssuedAt;
        var margin = life > TimeSpan.Zero && life / 2 < _options.TokenRefreshMargin ? life / 2 : _options.TokenRefreshMargin;
        return now >= access.ExpiresAt - margin;
    }

    private async Task<KeystoneAccess> AuthenticateAsync()
    {
        // Yield first so the lock is released before any I/O, and so no caller's cancellation stops the shared call.
        await Task.Yield();
        try
        {
            using var timeout = new CancellationTokenSource(_options.RequestTimeout, _time);
            KeystoneAccess access;
            try
            {
                access = await RequestTokenAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException exception)
            {
                throw new OpenStackException($"identity: POST /v3/auth/tokens failed: no answer within {_options.RequestTimeout.TotalSeconds:0.#} s", exception);
            }
            catch (HttpRequestException exception)
            {
                throw new OpenStackException($"identity: POST /v3/auth/tokens failed: {exception.Message}", exception);
            }

            Interlocked.Increment(ref _authentications);
            LogAuthenticated(_logger, _cloud, access.ExpiresAt);
            lock (_gate)
            {
                _current = access;
                _pending = null;
                _failures = 0;
                _nextAttempt = default;
            }

            return access;
        }
        catch (Exception exception)
        {
            lock (_gate)
            {
                _pending = null;
                _failures++;
                var backoff = _options.RetryBaseDelay * Math.Pow(2, Math.Min(_failures, 10));
                _nextAttempt = _time.GetUtcNow() + (backoff > TimeSpan.FromSeconds(30) ? TimeSpan.FromSeconds(30) : backoff);
            }

            LogRenewalFailed(_logger, exception.Message);
            throw;
        }
    }

    private async Task<KeystoneAccess> RequestTokenAsync(CancellationToken cancellationToken)
    {
        var url = new Uri(IdentityUrl, "v3/auth/tokens");
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(AuthenticationBody(_cloud).ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var requestId = OpenStackTransport.RequestIdOf(response);
        if (!response.IsSuccessStatusCode)
        {
            throw OpenStackErrorMapper.Map("identity", "POST /v3/auth/tokens", (int)response.StatusCode, text, requestId);
        }

        var token = response.Headers.TryGetValues("X-Subject-Token", out var values) ? values.FirstOrDefault() : null;
        var body = JsonNode.Parse(text)?["token"];
        if (string.IsNullOrEmpty(token) || body is null)
        {
            throw new OpenStackApiException("identity", "POST /v3/auth/tokens", (int)response.StatusCode, "the answer carries no X-Subject-Token or token body", null, requestId);
        }

        return new KeystoneAccess
        {
            Token = token,
            ExpiresAt = Time(body["expires_at"]) ?? _time.GetUtcNow().AddHours(1),
            IssuedAt = Time(body["issued_at"]) ?? _time.GetUtcNow(),
            UserId = (string?)body["user"]?["id"],
            ProjectId = (string?)body["project"]?["id"],
            DomainId = (string?)body["domain"]?["id"],
            Roles = [.. (body["roles"] as JsonArray ?? []).Select(r => (string?)r?["name"]).OfType<string>()],
            Catalog = ServiceCatalog.Parse(body["catalog"] as JsonArray),
        };
    }

    /// <summary>The body of <c>POST /v3/auth/tokens</c> for the credentials and scope.</summary>
    internal static JsonObject AuthenticationBody(OpenStackCloudOptions cloud)
    {
        JsonObject identity;
        if (cloud.IsApplicationCredential)
        {
            var credential = new JsonObject { ["secret"] = cloud.ApplicationCredentialSecret };
            if (!string.IsNullOrEmpty(cloud.ApplicationCredentialId))
            {
                credential["id"] = cloud.ApplicationCredentialId;
            }
            else
            {
                credential["name"] = cloud.ApplicationCredentialName;
                credential["user"] = User(cloud);
            }

            // An application credential carries its own scope; Keystone refuses another.
            return new JsonObject { ["auth"] = new JsonObject { ["identity"] = new JsonObject { ["methods"] = new JsonArray("application_credential"), ["application_credential"] = credential } } };
        }

        var user = User(cloud);
        user["password"] = cloud.Password;
        identity = new JsonObject { ["methods"] = new JsonArray("password"), ["password"] = new JsonObject { ["user"] = user } };
        var auth = new JsonObject { ["identity"] = identity };
        if (!string.IsNullOrEmpty(cloud.ProjectId))
        {
            auth["scope"] = new JsonObject { ["project"] = new JsonObject { ["id"] = cloud.ProjectId } };
        }
        else if (!string.IsNullOrEmpty(cloud.ProjectName))
        {
            auth["scope"] = new JsonObject { ["project"] = new JsonObject { ["name"] = cloud.ProjectName, ["domain"] = Domain(cloud.ProjectDomainId, cloud.ProjectDomainName) } };
        }
        else if (!string.IsNullOrEmpty(cloud.DomainId) || !string.IsNullOrEmpty(cloud.DomainName))
        {
            auth["scope"] = new JsonObject { ["domain"] = Domain(cloud.DomainId, cloud.DomainName) };
        }

        return new JsonObject { ["auth"] = auth };
    }

    private static JsonObject User(OpenStackCloudOptions cloud) => !string.IsNullOrEmpty(cloud.UserId)
        ? new JsonObject { ["id"] = cloud.UserId }
        : new JsonObject { ["name"] = cloud.Username, ["domain"] = Domain(cloud.UserDomainId, cloud.UserDomainName) };

    private static JsonObject Domain(string? id, string? name) =>
        !string.IsNullOrEmpty(id) ? new JsonObject { ["id"] = id } : new JsonObject { ["name"] = string.IsNullOrEmpty(name) ? "Default" : name };

    private static DateTimeOffset? Time(JsonNode? node) =>
        (string?)node is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value) ? value : null;

    private static Uri IdentityBase(string authUrl)
    {
        var text = authUrl.TrimEnd('/');
        if (!text.EndsWith("/v3", StringComparison.Ordinal))
        {
            text += "/v3";
        }

        // The base ends before "v3/", so relative "v3/..." paths resolve under it.
        return new Uri(text[..^2]);
    }

    [LoggerMessage(EventId = 300, Level = LogLevel.Information, Message = "Authenticated to {Cloud}; the token expires at {ExpiresAt:O}")]
    private static partial void LogAuthenticated(ILogger logger, OpenStackCloudOptions cloud, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 301, Level = LogLevel.Warning, Message = "Authenticating failed ({Reason}); a token still valid serves until it expires")]
    private static partial void LogRenewalFailed(ILogger logger, string reason);
}
