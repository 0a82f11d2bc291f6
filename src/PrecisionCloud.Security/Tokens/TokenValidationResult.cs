namespace PrecisionCloud.Security.Tokens;

/// <summary>An accepted token's claims, or why the token was refused (the RFC 6750 error description).</summary>
/// <param name="Claims">The claims, when accepted.</param>
/// <param name="Problem">Why not, otherwise.</param>
public sealed record TokenValidationResult(AccessTokenClaims? Claims, string? Problem)
{
    /// <summary>Whether the token was accepted.</summary>
    public bool IsValid => Claims is not null;
}
