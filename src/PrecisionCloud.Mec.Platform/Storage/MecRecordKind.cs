namespace PrecisionCloud.Mec.Platform.Storage;

/// <summary>The kinds of state a MEC platform keeps.</summary>
public enum MecRecordKind
{
    /// <summary>An application instance: its provisioning, registration and lifecycle phase.</summary>
    Application = 1,

    /// <summary>A service instance an application produces.</summary>
    Service = 2,

    /// <summary>A service availability subscription.</summary>
    ServiceSubscription = 3,

    /// <summary>An application termination subscription.</summary>
    TerminationSubscription = 4,

    /// <summary>A traffic rule of an application instance.</summary>
    TrafficRule = 5,

    /// <summary>A DNS rule of an application instance.</summary>
    DnsRule = 6,

    /// <summary>A MEC 013 subscription of any kind (zone, zone status, user event or periodic, area, distance).</summary>
    LocationSubscription = 7,
}
