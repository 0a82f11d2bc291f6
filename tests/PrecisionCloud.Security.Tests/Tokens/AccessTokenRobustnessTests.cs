using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PrecisionCloud.Security.Tokens;

namespace PrecisionCloud.Security.Tests.Tokens;

/// <summary>Fuzz-style properties of the token and key set parsers: bad input is refused with a reason, never thrown.</summary>
public sealed class AccessTokenRobustnessTests : IDisposable
{
    private readonly TokenSigningKeys _keys = new();
    private readonly string _token;
    private readonly AccessTokenValidator _validator;

    public AccessTokenRobustnessTests()
    {
        var server = new AuthorizationServer(new AuthorizationServerOptions { Issuer = "https://mep", Audience = "https://mep/mec" }, _keys);
        var secret = server.RegisterWithSecret(new OAuthClient { ClientId = "cam", Tenant = "tenant-a", AppInstance = "a1", Scopes = ["mec_app_support"] });
        _token = server.Grant(new TokenRequest("client_credentials", "cam", secret, null)).AccessToken!;
        _validator = new AccessTokenValidator(new TokenValidationOptions { Issuer = "https://mep", Audience = "https://mep/mec", CacheSize = 1 }, _keys.KeyOf);
    }

    public void Dispose() => _keys.Dispose();

    [Property(MaxTest = 2_000)]
    public Property Any_changed_character_of_a_valid_token_is_refused_with_a_reason(PositiveInt position, char replacement)
    {
        var at = position.Get % _token.Length;
        var changed = _token[..at] + replacement + _token[(at + 1)..];
        var result = _validator.Validate(changed);
        return (changed == _token || (!result.IsValid && !string.IsNullOrEmpty(result.Problem))).Label($"{at}: '{_token[at]}' -> '{replacement}'");
    }

    [Property(MaxTest = 2_000)]
    public bool Arbitrary_text_is_refused_and_never_throws(string? text) =>
        text is null || !_validator.Validate(text).IsValid;

    [Property(MaxTest = 500)]
    public bool Truncated_and_extended_tokens_are_refused(PositiveInt cut, string? tail) =>
        !_validator.Validate(_token[..(cut.Get % _token.Length)]).IsValid && (string.IsNullOrEmpty(tail) || !_validator.Validate(_token + tail).IsValid);

    [Property(MaxTest = 500)]
    public bool A_jwks_parser_refuses_anything_that_is_not_a_key_set_with_a_format_error(string? text)
    {
        try
        {
            using var keys = PrecisionCloud.Security.Tokens.JsonWebKeySet.Parse(text ?? string.Empty);
            return keys.KeyIds.Count == 0 || text!.Contains("\"kid\"", StringComparison.Ordinal);
        }
        catch (FormatException)
        {
            return true;
        }
    }
}
