using Microsoft.AspNetCore.Authentication;

namespace PrecisionCloud.Security.Tokens;

/// <summary>Options of the access token authentication scheme.</summary>
public sealed class AccessTokenAuthenticationOptions : AuthenticationSchemeOptions
{
    /// <summary>The scheme's default name.</summary>
    public const string DefaultScheme = "PrecisionCloudAccessToken";

    /// <summary>The validator of the tokens (required).</summary>
    public AccessTokenValidator? Validator { get; set; }
}
