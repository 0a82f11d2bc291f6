namespace PrecisionCloud.Resources;

/// <summary>A change of one resource, as the watch API delivers it.</summary>
/// <param name="Revision">The change's revision: increasing, stored, the point to resume a watch from.</param>
/// <param name="Kind">The kind of resource.</param>
/// <param name="Key">Its key (<c>tenant/name</c>, or the tenant's name).</param>
/// <param name="Type">What happened.</param>
/// <param name="Reason">Why, in PascalCase (<c>Placed</c>, <c>Running</c>, <c>DriftRepaired</c>).</param>
/// <param name="Resource">
/// The resource after the change (a <see cref="Compute.Workload"/>, <see cref="Storage.Volume"/>,
/// <see cref="Networking.Network"/>, <see cref="Networking.SecurityPolicy"/> or <see cref="Tenancy.Tenant"/>);
/// for <see cref="ResourceChangeType.Deleted"/>, as it was last.
/// </param>
public sealed record ResourceChange(long Revision, ResourceKind Kind, string Key, ResourceChangeType Type, string Reason, object Resource);
