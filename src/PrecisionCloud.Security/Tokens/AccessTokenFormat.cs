using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace PrecisionCloud.Security.Tokens;

/// <summary>
/// Access tokens as compact JWS (RFC 7515) with ES256 signatures and the JWT profile for access tokens (RFC 9068,
/// <c>typ</c> <c>at+jwt</c>). Reading never throws on bad input: it says what is wrong.
/// </summary>
internal static class AccessTokenFormat
{
    /// <summary>What a compact JWS consists of: base64url characters and the two dots (no padding, no whitespace).</summary>
    private static readonly SearchValues<char> CompactCharacters = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.");

    public static string Write(AccessTokenClaims claims, TokenSigningKeys keys)
    {
        var key = keys.Current;
        var output = new ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(output))
        {
            json.WriteStartObject();
            json.WriteString("alg", "ES256");
            json.WriteString("kid", key.Id);
            json.WriteString("typ", "at+jwt");
            json.WriteEndObject();
        }

        var header = Base64Url.EncodeToString(output.WrittenSpan);
        output.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(output))
        {
            json.WriteStartObject();
            json.WriteString("iss", claims.Issuer);
            json.WriteString("sub", claims.ClientId);
            json.WriteString("client_id", claims.ClientId);
            json.WriteString("aud", claims.Audience);
            json.WriteNumber("iat", claims.IssuedAt.ToUnixTimeSeconds());
            json.WriteNumber("nbf", claims.IssuedAt.ToUnixTimeSeconds());
            json.WriteNumber("exp", claims.ExpiresAt.ToUnixTimeSeconds());
            json.WriteString("jti", claims.TokenId);
            json.WriteString("scope", string.Join(' ', claims.Scopes));
            json.WriteString("tenant", claims.Tenant);
            if (claims.AppInstance is { } appInstance)
            {
                json.WriteString("app_instance", appInstance);
            }

            if (claims.CertificateThumbprint is { } thumbprint)
            {
                json.WriteStartObject("cnf");
                json.WriteString("x5t#S256", thumbprint);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        var signingInput = header + "." + Base64Url.EncodeToString(output.WrittenSpan);
        var signature = key.Key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    /// <summary>Checks the form and the signature, and reads the claims; or says what is wrong.</summary>
    public static AccessTokenClaims? Read(string token, Func<string, ECDsa?> keyOf, out string? problem)
    {
        var firstDot = token.IndexOf('.', StringComparison.Ordinal);
        var secondDot = firstDot < 0 ? -1 : token.IndexOf('.', firstDot + 1);
        if (firstDot <= 0 || secondDot <= firstDot + 1 || secondDot == token.Length - 1 || token.IndexOf('.', secondDot + 1) >= 0 || token.Length > 8192
            || token.AsSpan().ContainsAnyExcept(CompactCharacters))
        {
            problem = "the token is not a compact JWS";
            return null;
        }

        try
        {
            using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(token.AsSpan(0, firstDot)));
            if (!header.RootElement.TryGetProperty("alg", out var alg) || alg.ValueKind != JsonValueKind.String || alg.GetString() != "ES256")
            {
                problem = "the token is not signed with ES256";
                return null;
            }

            if (!header.RootElement.TryGetProperty("typ", out var typ) || typ.ValueKind != JsonValueKind.String || typ.GetString() is not ("at+jwt" or "application/at+jwt"))
            {
                problem = "the token is not an access token (typ at+jwt)";
                return null;
            }

            if (!header.RootElement.TryGetProperty("kid", out var kid) || kid.ValueKind != JsonValueKind.String || keyOf(kid.GetString()!) is not { } key)
            {
                problem = "the token is signed with an unknown key";
                return null;
            }

            var signature = Base64Url.DecodeFromChars(token.AsSpan(secondDot + 1));
            var signingInput = Encoding.ASCII.GetBytes(token.AsSpan(0, secondDot).ToString());
            if (signature.Length != 64 || !key.VerifyData(signingInput, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
            {
                problem = "the token's signature is not valid";
                return null;
            }

            using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(token.AsSpan(firstDot + 1, secondDot - firstDot - 1)));
            var root = payload.RootElement;
            problem = null;
            return new AccessTokenClaims
            {
                Issuer = root.GetProperty("iss").GetString()!,
                ClientId = root.GetProperty("client_id").GetString()!,
                Audience = root.GetProperty("aud").GetString()!,
                Tenant = root.GetProperty("tenant").GetString()!,
                AppInstance = root.TryGetProperty("app_instance", out var appInstance) ? appInstance.GetString() : null,
                Scopes = root.GetProperty("scope").GetString()!.Split(' ', StringSplitOptions.RemoveEmptyEntries),
                IssuedAt = DateTimeOffset.FromUnixTimeSeconds(root.GetProperty("iat").GetInt64()),
                ExpiresAt = DateTimeOffset.FromUnixTimeSeconds(root.GetProperty("exp").GetInt64()),
                TokenId = root.GetProperty("jti").GetString()!,
                CertificateThumbprint = root.TryGetProperty("cnf", out var cnf) && cnf.TryGetProperty("x5t#S256", out var thumbprint) ? thumbprint.GetString() : null,
            };
        }
        catch (Exception exception) when (exception is JsonException or FormatException or KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            problem = "the token's header or claims cannot be read";
            return null;
        }
    }
}
