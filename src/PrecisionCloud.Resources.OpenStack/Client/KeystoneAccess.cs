namespace PrecisionCloud.Resources.OpenStack.Client;

/// <summary>A Keystone token with what it grants: its scope, roles and service catalog.</summary>
/// <remarks><see cref="ToString"/> never shows the token itself.</remarks>
public sealed record KeystoneAccess
{
    /// <summary>The token (sent as <c>X-Auth-Token</c>).</summary>
    public required string Token { get; init; }

    /// <summary>When the token expires.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>When the token was issued.</summary>
    public DateTimeOffset IssuedAt { get; init; }

    /// <summary>The user's id.</summary>
    public string? UserId { get; init; }

    /// <summary>The project the token is scoped to, if any.</summary>
    public string? ProjectId { get; init; }

    /// <summary>The domain the token is scoped to, if any.</summary>
    public string? DomainId { get; init; }

    /// <summary>The names of the roles the token carries.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>The service catalog.</summary>
    public ServiceCatalog Catalog { get; init; } = new([]);

    /// <summary>The scope, user and expiry; never the token.</summary>
    public override string ToString() =>
        $"token for user {UserId} {(ProjectId is null ? DomainId is null ? "unscoped" : $"domain {DomainId}" : $"project {ProjectId}")} until {ExpiresAt:O}";
}
