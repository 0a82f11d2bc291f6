using System.Net.Http.Headers;
using System.Text.Json;

namespace PrecisionCloud.Security.Tokens;

/// <summary>
/// A delegating handler that puts an access token on every request: it gets one with the client credentials
/// grant, keeps it until shortly before it expires, and gets a new one then, once for all concurrent requests
/// (single-flight). A 401 from the API drops the token, so the next request gets a fresh one.
/// </summary>
public sealed class ClientCredentialsHandler : DelegatingHandler
{
    private readonly ClientCredentialsOptions _options;
    private readonly HttpMessageInvoker _tokenClient;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private Task<(string Token, DateTimeOffset RefreshAt)>? _token;

    /// <summary>A handler that asks the token endpoint through <paramref name="tokenClient"/> (which may use mutual TLS).</summary>
    /// <param name="options">The endpoint, credentials and scopes.</param>
    /// <param name="tokenClient">Sends the token requests.</param>
    /// <param name="timeProvider">The clock.</param>
    public ClientCredentialsHandler(ClientCredentialsOptions options, HttpMessageInvoker tokenClient, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(tokenClient);
        _options = options;
        _tokenClient = tokenClient;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>How many tokens were fetched.</summary>
    public int TokensFetched { get; private set; }

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var current = CurrentToken();
        var (token, _) = await current.WaitAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == System.Net.HttpStatusCode.Unauthorized)
        {
            lock (_gate)
            {
                if (_token == current)
                {
                    _token = null;
                }
            }
        }

        return response;
    }

    private Task<(string Token, DateTimeOffset RefreshAt)> CurrentToken()
    {
        lock (_gate)
        {
            if (_token is { IsCompletedSuccessfully: true } done && done.Result.RefreshAt > _time.GetUtcNow())
            {
                return done;
            }

            if (_token is { IsCompleted: false } pending)
            {
                return pending;
            }

            return _token = FetchAsync();
        }
    }

    private async Task<(string Token, DateTimeOffset RefreshAt)> FetchAsync()
    {
        var form = new List<KeyValuePair<string, string>> { new("grant_type", "client_credentials"), new("client_id", _options.ClientId) };
        if (_options.ClientSecret is { } secret)
        {
            form.Add(new("client_secret", secret));
        }

        if (_options.Scope is { } scope)
        {
            form.Add(new("scope", scope));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, _options.TokenEndpoint) { Content = new FormUrlEncodedContent(form) };
        using var response = await _tokenClient.SendAsync(request, CancellationToken.None).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        using var json = JsonDocument.Parse(body);
        if (!response.IsSuccessStatusCode || !json.RootElement.TryGetProperty("access_token", out var token))
        {
            var error = json.RootElement.TryGetProperty("error", out var code) ? code.GetString() : response.StatusCode.ToString();
            var description = json.RootElement.TryGetProperty("error_description", out var text) ? text.GetString() : null;
            throw new HttpRequestException($"the token endpoint refused: {error}{(description is null ? string.Empty : ": " + description)}", null, response.StatusCode);
        }

        TokensFetched++;
        var lifetime = TimeSpan.FromSeconds(json.RootElement.GetProperty("expires_in").GetInt32());
        var margin = lifetime > _options.RefreshBefore * 2 ? _options.RefreshBefore : lifetime / 2;
        return (token.GetString()!, _time.GetUtcNow() + lifetime - margin);
    }
}
