namespace PrecisionCloud.Hosting;

/// <summary>The OAuth 2.0 scopes of the resource API (<c>/resources/v1</c>) when the site authenticates its callers.</summary>
public static class ResourceApiScopes
{
    /// <summary>Everything: providers, every tenant, creating and deleting tenants, the watch, reconcile passes.</summary>
    public const string Administration = "resources_admin";

    /// <summary>
    /// The resources of the token's own tenant (its <c>tenant</c> claim): its networks, security policies, volumes and
    /// workloads, and reading the tenant itself.
    /// </summary>
    public const string Tenant = "resources";

    /// <summary>
    /// The member role that only reads. A tenant that lists members admits only their tokens (by subject); a member
    /// with this role may read, any other role may also change the tenant's resources.
    /// </summary>
    public const string ViewerRole = "viewer";
}
