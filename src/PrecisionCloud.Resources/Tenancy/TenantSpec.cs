namespace PrecisionCloud.Resources.Tenancy;

/// <summary>A tenant: the owner of workloads, volumes and networks, with a quota on what it may hold.</summary>
public sealed record TenantSpec
{
    /// <summary>The tenant's name: lower-case letters, digits and '-', 1 to 40 characters, starting with a letter.</summary>
    public required string Name { get; init; }

    /// <summary>The most the tenant may hold at once; an absent limit is unlimited.</summary>
    public TenantQuota Quota { get; set; } = new();

    /// <summary>
    /// Who may act in the tenant and as what, by the subject and role names of PrecisionCloud.Security
    /// (for example <c>operator</c>, <c>tenant-admin</c>, <c>viewer</c>).
    /// </summary>
    public IReadOnlyList<TenantMember> Members { get; set; } = [];
}
