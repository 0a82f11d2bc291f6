namespace PrecisionCloud.Mec.Platform;

/// <summary>The platform's instruments (<see cref="System.Diagnostics.Metrics"/>).</summary>
public static class MecPlatformMetrics
{
    /// <summary>The meter every instrument of the platform belongs to.</summary>
    public const string MeterName = "PrecisionCloud.Mec.Platform";
}
