using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using PrecisionCloud.Security.Identity;

namespace PrecisionCloud.Security.Tokens;

/// <summary>The authorization server's HTTP endpoints: the token endpoint (RFC 6749 §3.2) and the JWKS (RFC 7517).</summary>
public static class AuthorizationServerEndpoints
{
    /// <summary>
    /// Maps <c>POST {tokenPath}</c> (form-encoded client credentials grant; client secret in the form or HTTP Basic,
    /// or the connection's client certificate) and <c>GET {jwksPath}</c>, served by the <see cref="AuthorizationServer"/> in the services.
    /// </summary>
    /// <param name="endpoints">The route builder.</param>
    /// <param name="tokenPath">The token endpoint's path.</param>
    /// <param name="jwksPath">The JWKS endpoint's path.</param>
    /// <returns>The route builder, for chaining.</returns>
    public static IEndpointRouteBuilder MapPrecisionCloudAuthorizationServer(this IEndpointRouteBuilder endpoints, string tokenPath = "/oauth/token", string jwksPath = "/oauth/jwks")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost(tokenPath, IssueAsync);
        endpoints.MapGet(jwksPath, JwksAsync);
        return endpoints;
    }

    /// <summary>The SHA-256 thumbprint of a certificate, base64url, as <c>cnf.x5t#S256</c> carries it (RFC 8705).</summary>
    /// <param name="certificate">The certificate.</param>
    /// <returns>The thumbprint.</returns>
    public static string Thumbprint(System.Security.Cryptography.X509Certificates.X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return Base64Url.EncodeToString(SHA256.HashData(certificate.RawData));
    }

    private static Task JwksAsync(HttpContext context)
    {
        var server = context.RequestServices.GetRequiredService<AuthorizationServer>();
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(server.Keys.ExportJwks(), context.RequestAborted);
    }

    private static async Task IssueAsync(HttpContext context)
    {
        var server = context.RequestServices.GetRequiredService<AuthorizationServer>();
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.Pragma = "no-cache";
        if (!context.Request.HasFormContentType)
        {
            await WriteAsync(context, TokenResponse.Error("invalid_request", "the request must be application/x-www-form-urlencoded")).ConfigureAwait(false);
            return;
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var (clientId, secret) = (form["client_id"].ToString(), form["client_secret"].ToString());
        if (BasicCredentials(context.Request) is { } basic)
        {
            (clientId, secret) = basic;
        }

        var certificate = context.Connection.ClientCertificate;
        var request = new TokenRequest(
            NullIfEmpty(form["grant_type"].ToString()),
            NullIfEmpty(clientId),
            NullIfEmpty(secret),
            NullIfEmpty(form["scope"].ToString()),
            certificate is null ? null : X509Svid.LeafIdentity(certificate).Id?.ToString(),
            certificate is null ? null : Thumbprint(certificate));
        await WriteAsync(context, server.Grant(request)).ConfigureAwait(false);
    }

    private static (string ClientId, string Secret)? BasicCredentials(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? null : (Uri.UnescapeDataString(decoded[..colon]), Uri.UnescapeDataString(decoded[(colon + 1)..]));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private static async Task WriteAsync(HttpContext context, TokenResponse response)
    {
        context.Response.StatusCode = response.IsGranted ? StatusCodes.Status200OK : response.IsClientAuthenticationFailure ? StatusCodes.Status401Unauthorized : StatusCodes.Status400BadRequest;
        if (response.IsClientAuthenticationFailure)
        {
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"token\"";
        }

        context.Response.ContentType = "application/json";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        if (response.IsGranted)
        {
            json.WriteString("access_token", response.AccessToken);
            json.WriteString("token_type", "Bearer");
            json.WriteNumber("expires_in", response.ExpiresIn);
            json.WriteString("scope", response.Scope);
        }
        else
        {
            json.WriteString("error", response.ErrorCode);
            json.WriteString("error_description", response.ErrorDescription);
        }

        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }
}
