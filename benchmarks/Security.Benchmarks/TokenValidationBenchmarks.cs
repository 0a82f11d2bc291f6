using BenchmarkDotNet.Attributes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PrecisionCloud.Security.Tokens;

namespace PrecisionCloud.Security.Benchmarks;

/// <summary>
/// Access token validation: 1,024 clients' ES256 tokens (each presented again and again, as clients do until their
/// token expires), keys known. Our validator with its verified-token cache; the same without the cache (a signature
/// check every time, as for a token seen the first time); baseline: <see cref="JsonWebTokenHandler"/> of
/// Microsoft.IdentityModel with the same keys from our JWKS, in the same run.
/// </summary>
[MemoryDiagnoser]
public class TokenValidationBenchmarks
{
    private const int Tokens = 1_024;
    private TokenSigningKeys _keys = null!;
    private string[] _tokens = null!;
    private AccessTokenValidator _cached = null!;
    private AccessTokenValidator _uncached = null!;
    private JsonWebTokenHandler _handler = null!;
    private TokenValidationParameters _parameters = null!;

    [GlobalSetup]
    public void Setup()
    {
        _keys = new TokenSigningKeys();
        var server = new AuthorizationServer(new AuthorizationServerOptions { Issuer = "https://mep", Audience = "https://mep/mec", TokenLifetime = TimeSpan.FromHours(1) }, _keys);
        _tokens = [.. Enumerable.Range(0, Tokens).Select(i =>
        {
            var secret = server.RegisterWithSecret(new OAuthClient { ClientId = $"app-{i}", Tenant = $"tenant-{i % 20}", AppInstance = $"instance-{i}", Scopes = ["mec_app_support", "mec_service_mgmt"] });
            return server.Grant(new TokenRequest("client_credentials", $"app-{i}", secret, null)).AccessToken!;
        })];
        var options = new TokenValidationOptions { Issuer = "https://mep", Audience = "https://mep/mec" };
        _cached = new AccessTokenValidator(options, _keys.KeyOf);
        _uncached = new AccessTokenValidator(new TokenValidationOptions { Issuer = "https://mep", Audience = "https://mep/mec", CacheSize = 0 }, _keys.KeyOf);
        _handler = new JsonWebTokenHandler();
        _parameters = new TokenValidationParameters
        {
            ValidIssuer = "https://mep",
            ValidAudience = "https://mep/mec",
            IssuerSigningKeys = new Microsoft.IdentityModel.Tokens.JsonWebKeySet(_keys.ExportJwks()).GetSigningKeys(),
            ValidTypes = ["at+jwt"],
        };
        foreach (var token in _tokens)
        {
            _cached.Validate(token);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _keys.Dispose();

    [Benchmark(OperationsPerInvoke = Tokens)]
    public int Validate_Cached()
    {
        var valid = 0;
        foreach (var token in _tokens)
        {
            valid += _cached.Validate(token).IsValid ? 1 : 0;
        }

        return valid;
    }

    [Benchmark(OperationsPerInvoke = Tokens)]
    public int Validate_SignatureEveryTime()
    {
        var valid = 0;
        foreach (var token in _tokens)
        {
            valid += _uncached.Validate(token).IsValid ? 1 : 0;
        }

        return valid;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Tokens)]
    public async Task<int> Validate_MicrosoftIdentityModelBaseline()
    {
        var valid = 0;
        foreach (var token in _tokens)
        {
            valid += (await _handler.ValidateTokenAsync(token, _parameters)).IsValid ? 1 : 0;
        }

        return valid;
    }
}
