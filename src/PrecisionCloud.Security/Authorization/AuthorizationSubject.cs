namespace PrecisionCloud.Security.Authorization;

/// <summary>Who asks: an identity (app instance, service, user, site), its tenant and its roles there.</summary>
/// <param name="Id">The identity (a SPIFFE ID, an app instance ID, a user name); resources it owns name it as their owner.</param>
/// <param name="Tenant">The tenant it acts for.</param>
/// <param name="Roles">Its roles in that tenant.</param>
/// <param name="IsPlatformAdmin">Whether it administers the platform (any tenant, any resource).</param>
public sealed record AuthorizationSubject(string Id, string Tenant, IReadOnlyList<string> Roles, bool IsPlatformAdmin = false);
