using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PrecisionCloud.Security.Tokens;

/// <summary>
/// Authenticates requests by their bearer access token (RFC 6750): the caller becomes a principal with claims
/// <c>sub</c>, <c>client_id</c>, <c>tenant</c>, <c>app_instance</c> and one <c>scope</c> claim per scope, so
/// authorization can bind it to its tenant and app instance. A token bound to a client certificate is accepted
/// only over a connection with that certificate. Refusals answer 401 with <c>WWW-Authenticate: Bearer
/// error="invalid_token"</c> and the reason; a missing scope answers 403 with <c>insufficient_scope</c>.
/// </summary>
public sealed class AccessTokenAuthenticationHandler(IOptionsMonitor<AccessTokenAuthenticationOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AccessTokenAuthenticationOptions>(options, logger, encoder)
{
    private string? _problem;

    /// <inheritdoc/>
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var validator = Options.Validator ?? throw new InvalidOperationException($"{nameof(AccessTokenAuthenticationOptions)}.{nameof(AccessTokenAuthenticationOptions.Validator)} is not set");
        var result = validator.Validate(header[7..].Trim(), Context.Connection.ClientCertificate);
        if (result.Claims is not { } claims)
        {
            _problem = result.Problem;
            return Task.FromResult(AuthenticateResult.Fail(result.Problem!));
        }

        List<Claim> identity =
        [
            new("sub", claims.ClientId),
            new("client_id", claims.ClientId),
            new("tenant", claims.Tenant),
        ];
        if (claims.AppInstance is { } appInstance)
        {
            identity.Add(new Claim("app_instance", appInstance));
        }

        identity.AddRange(claims.Scopes.Select(scope => new Claim("scope", scope)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(identity, Scheme.Name, "sub", null));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name)));
    }

    /// <inheritdoc/>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = 401;
        Response.Headers.WWWAuthenticate = _problem is null ? "Bearer" : $"Bearer error=\"invalid_token\", error_description=\"{_problem}\"";
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = 403;
        Response.Headers.WWWAuthenticate = "Bearer error=\"insufficient_scope\"";
        return Task.CompletedTask;
    }
}
