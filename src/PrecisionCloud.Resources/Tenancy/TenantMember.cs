namespace PrecisionCloud.Resources.Tenancy;

/// <summary>A subject of PrecisionCloud.Security granted a role in a tenant.</summary>
/// <param name="Subject">The subject (user or client id) as its tokens name it.</param>
/// <param name="Role">The role name granted within the tenant.</param>
public sealed record TenantMember(string Subject, string Role);
