using PrecisionCloud.Mec.ServiceManagement;

namespace PrecisionCloud.Mec.Platform.Registry;

/// <summary>The filters of a service discovery (ETSI GS MEC 011 clause 8.2.3.3.1): at most one of instance ids, names and category.</summary>
internal sealed record ServiceQuery(
    IReadOnlyList<string>? InstanceIds,
    IReadOnlyList<string>? Names,
    string? CategoryId,
    LocalityType? ScopeOfLocality,
    bool? ConsumedLocalOnly,
    bool? IsLocal)
{
    public static ServiceQuery All { get; } = new(null, null, null, null, null, null);

    public bool Matches(ServiceInfo service) =>
        (InstanceIds is null || InstanceIds.Contains(service.SerInstanceId!, StringComparer.Ordinal))
        && (Names is null || Names.Contains(service.SerName, StringComparer.Ordinal))
        && (CategoryId is null || service.SerCategory?.Id == CategoryId)
        && (ScopeOfLocality is null || (service.ScopeOfLocality ?? LocalityType.MecHost) == ScopeOfLocality)
        && (ConsumedLocalOnly is null || (service.ConsumedLocalOnly ?? true) == ConsumedLocalOnly)
        && (IsLocal is null || IsLocal == true);
}
