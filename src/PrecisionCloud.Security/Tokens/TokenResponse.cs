namespace PrecisionCloud.Security.Tokens;

/// <summary>A token endpoint's answer: the token (RFC 6749 §5.1) or the error (§5.2).</summary>
/// <param name="AccessToken">The token, when granted.</param>
/// <param name="ExpiresIn">Its lifetime in seconds.</param>
/// <param name="Scope">The scopes granted.</param>
/// <param name="ErrorCode">The error code, when refused (<c>invalid_request</c>, <c>invalid_client</c>, <c>invalid_scope</c>, <c>unsupported_grant_type</c>).</param>
/// <param name="ErrorDescription">What is wrong, in words.</param>
/// <param name="IsClientAuthenticationFailure">Whether the answer is 401 (client authentication failed) rather than 400.</param>
public sealed record TokenResponse(string? AccessToken, int ExpiresIn, string? Scope, string? ErrorCode, string? ErrorDescription, bool IsClientAuthenticationFailure)
{
    /// <summary>Whether a token was granted.</summary>
    public bool IsGranted => AccessToken is not null;

    internal static TokenResponse Error(string code, string description, bool unauthorized = false) => new(null, 0, null, code, description, unauthorized);
}
