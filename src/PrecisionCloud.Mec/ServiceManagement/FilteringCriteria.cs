namespace PrecisionCloud.Mec.ServiceManagement;

/// <summary>
/// Which services a subscription hears of (ETSI GS MEC 011 clause 8.1.3.2): by instance identifiers, names or
/// categories (at most one of the three), and by states and locality. Absent criteria match every service.
/// </summary>
public sealed record FilteringCriteria
{
    /// <summary>Service instance identifiers.</summary>
    public IReadOnlyList<string>? SerInstanceIds { get; init; }

    /// <summary>Service names.</summary>
    public IReadOnlyList<string>? SerNames { get; init; }

    /// <summary>Service categories.</summary>
    public IReadOnlyList<CategoryRef>? SerCategories { get; init; }

    /// <summary>Service states.</summary>
    public IReadOnlyList<ServiceState>? States { get; init; }

    /// <summary>Only services local to the subscriber (true) or only remote ones (false).</summary>
    public bool? IsLocal { get; init; }
}
