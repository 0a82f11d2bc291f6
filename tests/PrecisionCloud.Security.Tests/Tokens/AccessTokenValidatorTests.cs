using System.Buffers.Text;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PrecisionCloud.Security.Tokens;

namespace PrecisionCloud.Security.Tests.Tokens;

public sealed class AccessTokenValidatorTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));
    private readonly TokenSigningKeys _keys = new();
    private readonly AuthorizationServer _server;
    private readonly string _secret;

    public AccessTokenValidatorTests()
    {
        _server = new AuthorizationServer(new AuthorizationServerOptions { Issuer = "https://mep.edge-1", Audience = "https://mep.edge-1/mec", TokenLifetime = TimeSpan.FromMinutes(10) }, _keys, _time);
        _secret = _server.RegisterWithSecret(new OAuthClient { ClientId = "cam", Tenant = "tenant-a", AppInstance = "a1", Scopes = ["mec_app_support", "mec_service_mgmt", "location"] });
    }

    public void Dispose() => _keys.Dispose();

    [Fact]
    public void A_granted_token_validates_with_its_tenant_app_instance_and_scopes()
    {
        var result = Validator().Validate(Grant("mec_app_support location"));

        Assert.True(result.IsValid, result.Problem);
        Assert.Equal(("cam", "tenant-a", "a1"), (result.Claims!.ClientId, result.Claims.Tenant, result.Claims.AppInstance));
        Assert.Equal(["mec_app_support", "location"], result.Claims.Scopes);
        Assert.Equal(_time.GetUtcNow().AddMinutes(10), result.Claims.ExpiresAt);
    }

    [Fact]
    public void Expired_tokens_wrong_audiences_and_issuers_are_refused()
    {
        var token = Grant(null);
        var validator = Validator();

        Assert.Equal("the token is for 'https://mep.edge-1/mec', not 'https://other'", Validator(audience: "https://other").Validate(token).Problem);
        Assert.Equal("the token was issued by 'https://mep.edge-1', not 'https://mep.edge-2'", Validator(issuer: "https://mep.edge-2").Validate(token).Problem);
        _time.Advance(TimeSpan.FromMinutes(10.4));
        Assert.True(validator.Validate(token).IsValid);
        _time.Advance(TimeSpan.FromMinutes(0.2));
        Assert.Equal("the token has expired", validator.Validate(token).Problem);
    }

    [Fact]
    public void Forged_tokens_are_refused()
    {
        var token = Grant(null);
        var parts = token.Split('.');
        var validator = Validator();

        // A changed claim (another tenant) under the original signature.
        var payload = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1])).Replace("tenant-a", "tenant-b", StringComparison.Ordinal);
        Assert.Equal("the token's signature is not valid", validator.Validate($"{parts[0]}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload))}.{parts[2]}").Problem);

        // Signed by a key the server never published.
        using var otherKeys = new TokenSigningKeys();
        var otherServer = new AuthorizationServer(_server.Options, otherKeys, _time);
        var otherSecret = otherServer.RegisterWithSecret(new OAuthClient { ClientId = "cam", Tenant = "tenant-b", Scopes = ["mec_app_support"] });
        var foreign = otherServer.Grant(new TokenRequest("client_credentials", "cam", otherSecret, null)).AccessToken!;
        Assert.Equal("the token is signed with an unknown key", validator.Validate(foreign).Problem);

        // alg none, and garbage.
        var none = Base64Url.EncodeToString("""{"alg":"none","typ":"at+jwt"}"""u8) + "." + parts[1] + ".";
        Assert.False(validator.Validate(none).IsValid);
        Assert.Equal("the token is not signed with ES256", validator.Validate(Base64Url.EncodeToString("""{"alg":"HS256","typ":"at+jwt","kid":"x"}"""u8) + "." + parts[1] + "." + parts[2]).Problem);
        foreach (var garbage in new[] { "", "a.b", "a.b.c.d", "....", "eyJ.eyJ.sig", token[..^3] })
        {
            Assert.False(validator.Validate(garbage).IsValid, garbage);
        }
    }

    [Fact]
    public void A_token_bound_to_a_certificate_is_refused_from_another_identity()
    {
        _server.RegisterWithCertificate(new OAuthClient { ClientId = "upf", Tenant = "operator", Scopes = ["n4"], CertificateIdentity = "spiffe://op.example/site/edge-1/nf/upf" });
        var granted = _server.Grant(new TokenRequest("client_credentials", "upf", null, null, "spiffe://op.example/site/edge-1/nf/upf", "thumbprint-of-upf"));
        Assert.True(granted.IsGranted, granted.ErrorDescription);
        var validator = Validator();

        Assert.True(validator.Validate(granted.AccessToken!, "thumbprint-of-upf").IsValid);
        Assert.Equal("the token is bound to another client certificate", validator.Validate(granted.AccessToken!, "thumbprint-of-a-thief").Problem);
        Assert.Equal("the token is bound to another client certificate", validator.Validate(granted.AccessToken!).Problem);
        Assert.Equal("invalid_client", _server.Grant(new TokenRequest("client_credentials", "upf", null, null, "spiffe://op.example/site/edge-1/app/thief", "t")).ErrorCode);
    }

    [Fact]
    public void Refusals_of_the_grant_are_the_standard_errors()
    {
        Assert.Equal("invalid_client", _server.Grant(new TokenRequest("client_credentials", "cam", "wrong", null)).ErrorCode);
        Assert.True(_server.Grant(new TokenRequest("client_credentials", "cam", "wrong", null)).IsClientAuthenticationFailure);
        Assert.Equal("invalid_client", _server.Grant(new TokenRequest("client_credentials", "nobody", _secret, null)).ErrorCode);
        Assert.Equal("invalid_scope", _server.Grant(new TokenRequest("client_credentials", "cam", _secret, "mec_app_support admin")).ErrorCode);
        Assert.Equal("unsupported_grant_type", _server.Grant(new TokenRequest("password", "cam", _secret, null)).ErrorCode);
        Assert.Equal("invalid_request", _server.Grant(new TokenRequest(null, "cam", _secret, null)).ErrorCode);
    }

    [Fact]
    public void Rotated_keys_keep_validating_what_they_signed_until_retired()
    {
        var before = Grant(null);
        var oldKey = _keys.CurrentKeyId;
        _keys.Rotate();
        var after = Grant(null);
        var validator = Validator();

        Assert.True(validator.Validate(before).IsValid);
        Assert.True(validator.Validate(after).IsValid);
        _keys.Rotate(retire: [oldKey]);
        Assert.Equal("the token is signed with an unknown key", Validator().Validate(before).Problem);
    }

    [Fact]
    public async Task The_standard_microsoft_identity_model_validators_accept_our_token_with_our_jwks()
    {
        var token = Grant("location");
        var handler = new JsonWebTokenHandler();
        var keys = new Microsoft.IdentityModel.Tokens.JsonWebKeySet(_keys.ExportJwks()).GetSigningKeys();

        var result = await handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = "https://mep.edge-1",
            ValidAudience = "https://mep.edge-1/mec",
            IssuerSigningKeys = keys,
            ValidTypes = ["at+jwt"],
            ValidAlgorithms = ["ES256"],
            LifetimeValidator = (notBefore, expires, _, _) => notBefore <= _time.GetUtcNow().UtcDateTime && _time.GetUtcNow().UtcDateTime < expires,
        });

        Assert.True(result.IsValid, result.Exception?.ToString());
        Assert.Equal("tenant-a", result.Claims["tenant"]);
        Assert.Equal("location", result.Claims["scope"]);

        var other = new Microsoft.IdentityModel.Tokens.JsonWebKeySet(_keys.ExportJwks());
        using var parsed = PrecisionCloud.Security.Tokens.JsonWebKeySet.Parse(_keys.ExportJwks());
        Assert.Equal(other.Keys.Select(k => k.Kid), parsed.KeyIds);
        Assert.True(new AccessTokenValidator(Options(), parsed.KeyOf, _time).Validate(token).IsValid);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Persisted_keys_survive_a_restart_sealed_so_issued_tokens_stay_valid()
    {
        using var directory = new TemporaryDirectory();
        using var sealer = new PrecisionCloud.Security.Sealing.SecretSealer(new() { RootKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)), KeyDirectory = directory.Combine("keys") });
        string token;
        string[] kids;
        using (var keys = new TokenSigningKeys())
        {
            await keys.PersistAsync(directory.Combine("tokens"), sealer);
            await keys.RotateAsync();
            var server = new AuthorizationServer(_server.Options, keys, _time);
            var secret = server.RegisterWithSecret(new OAuthClient { ClientId = "x", Tenant = "t", Scopes = ["s"] });
            token = server.Grant(new TokenRequest("client_credentials", "x", secret, null)).AccessToken!;
            kids = [.. keys.KeyIds];
        }

        using var restarted = new TokenSigningKeys();
        await restarted.PersistAsync(directory.Combine("tokens"), sealer);

        Assert.Equal(kids, restarted.KeyIds);
        Assert.True(new AccessTokenValidator(Options(), restarted.KeyOf, _time).Validate(token).IsValid);
        var file = directory.Combine("tokens/token-signing-keys.sealed");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.DoesNotContain("BEGIN", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
    }

    private string Grant(string? scope) => _server.Grant(new TokenRequest("client_credentials", "cam", _secret, scope)).AccessToken!;

    private static TokenValidationOptions Options(string issuer = "https://mep.edge-1", string audience = "https://mep.edge-1/mec") => new() { Issuer = issuer, Audience = audience };

    private AccessTokenValidator Validator(string issuer = "https://mep.edge-1", string audience = "https://mep.edge-1/mec") => new(Options(issuer, audience), _keys.KeyOf, _time);
}
