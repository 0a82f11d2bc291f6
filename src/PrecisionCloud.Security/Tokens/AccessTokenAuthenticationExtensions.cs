using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace PrecisionCloud.Security.Tokens;

/// <summary>Registers access token authentication and scope requirements.</summary>
public static class AccessTokenAuthenticationExtensions
{
    /// <summary>Adds the access token scheme (<see cref="AccessTokenAuthenticationHandler"/>).</summary>
    /// <param name="builder">The authentication builder.</param>
    /// <param name="configure">Sets the validator.</param>
    /// <returns>The builder, for chaining.</returns>
    public static AuthenticationBuilder AddPrecisionCloudAccessTokens(this AuthenticationBuilder builder, Action<AccessTokenAuthenticationOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddScheme<AccessTokenAuthenticationOptions, AccessTokenAuthenticationHandler>(AccessTokenAuthenticationOptions.DefaultScheme, configure);
    }

    /// <summary>Requires the caller's token to carry one of these scopes (for example <c>mec_app_support</c>).</summary>
    /// <param name="builder">The policy builder.</param>
    /// <param name="scopes">The scopes, any of which will do.</param>
    /// <returns>The builder, for chaining.</returns>
    public static AuthorizationPolicyBuilder RequireScope(this AuthorizationPolicyBuilder builder, params string[] scopes)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.RequireClaim("scope", scopes);
    }
}
