namespace PrecisionCloud.Mec.ServiceManagement;

/// <summary>One changed service in an availability notification (ETSI GS MEC 011 clause 8.1.4.2, <c>serviceReferences</c>).</summary>
public sealed record ServiceReference
{
    /// <summary>The service instance.</summary>
    public LinkType? Link { get; init; }

    /// <summary>The service's name.</summary>
    public required string SerName { get; init; }

    /// <summary>The service's instance identifier.</summary>
    public required string SerInstanceId { get; init; }

    /// <summary>The service's state after the change.</summary>
    public required ServiceState State { get; init; }

    /// <summary>What changed.</summary>
    public required ServiceChangeType ChangeType { get; init; }
}
