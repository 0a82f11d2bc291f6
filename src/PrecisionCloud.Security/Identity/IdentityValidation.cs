namespace PrecisionCloud.Security.Identity;

/// <summary>What checking a peer's certificate against a trust bundle found.</summary>
/// <param name="Id">The peer's identity, when its certificate is valid.</param>
/// <param name="Problem">Why it is not, otherwise.</param>
public sealed record IdentityValidation(SpiffeId? Id, string? Problem)
{
    /// <summary>Whether the certificate is valid and names an identity.</summary>
    public bool IsValid => Id is not null;
}
