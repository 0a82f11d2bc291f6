using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using PrecisionCloud.Mec.ServiceManagement;

namespace PrecisionCloud.Mec.Client.Http;

/// <summary>
/// The application's OAuth 2.0 access token (client credentials, RFC 6749 clause 4.4): the token endpoint is taken
/// from options or from the platform's <c>/transports</c>; a token is reused until shortly before it expires and
/// renewed by one request however many callers need it at once.
/// </summary>
internal sealed class MecTokenSource(IHttpClientFactory clients, IOptions<MecClientOptions> options, TimeProvider time) : IDisposable
{
    public const string HttpClientName = "PrecisionCloud.Mec.Client.Token";

    private readonly SemaphoreSlim _renewal = new(1, 1);
    private (string Token, DateTimeOffset Expires)? _current;
    private Uri? _endpoint;

    public bool Enabled => options.Value.ClientId is { Length: > 0 };

    public async ValueTask<string> GetAsync(CancellationToken cancellationToken)
    {
        if (Fresh() is { } token)
        {
            return token;
        }

        await _renewal.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return Fresh() ?? await RequestAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _renewal.Release();
        }
    }

    /// <summary>Forgets a token the platform refused, unless another caller already replaced it.</summary>
    public void Reject(string token)
    {
        if (_current is { } current && current.Token == token)
        {
            _current = null;
        }
    }

    public void Dispose() => _renewal.Dispose();

    private string? Fresh() =>
        _current is { } current && time.GetUtcNow() + options.Value.TokenRenewalMargin < current.Expires ? current.Token : null;

    private async Task<string> RequestAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var http = clients.CreateClient(HttpClientName);
        _endpoint ??= settings.TokenEndpoint ?? await DiscoverAsync(http, settings, cancellationToken).ConfigureAwait(false);
        List<KeyValuePair<string, string>> form =
        [
            new("grant_type", "client_credentials"),
            new("client_id", settings.ClientId!),
            new("client_secret", settings.ClientSecret ?? string.Empty),
        ];
        if (settings.Scopes.Count > 0)
        {
            form.Add(new("scope", string.Join(' ', settings.Scopes)));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new MecApiException(response.StatusCode, new ProblemDetails { Status = (int)response.StatusCode, Title = "token request refused", Detail = body }, $"POST {_endpoint}");
        }

        using var json = JsonDocument.Parse(body);
        var token = json.RootElement.GetProperty("access_token").GetString()!;
        var lifetime = json.RootElement.TryGetProperty("expires_in", out var expires) ? TimeSpan.FromSeconds(expires.GetInt32()) : TimeSpan.FromMinutes(5);
        _current = (token, time.GetUtcNow() + lifetime);
        return token;
    }

    private static async Task<Uri> DiscoverAsync(HttpClient http, MecClientOptions settings, CancellationToken cancellationToken)
    {
        var root = settings.ApiRoot ?? throw new InvalidOperationException($"{MecClientOptions.SectionName}:ApiRoot is required to find the token endpoint");
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(root, "mec_service_mgmt/v1/transports"));
        var transports = await MecHttp.SendAsync<IReadOnlyList<TransportInfo>>(http, request, cancellationToken).ConfigureAwait(false);
        var endpoint = transports.Value.Select(t => t.Security?.OAuth2Info?.TokenEndpoint).FirstOrDefault(e => e is { Length: > 0 })
            ?? throw new InvalidOperationException($"The platform's /transports advertise no OAuth 2.0 token endpoint; set {MecClientOptions.SectionName}:TokenEndpoint");
        return new Uri(endpoint, UriKind.Absolute);
    }
}
