namespace PrecisionCloud.Resources.Compute;

/// <summary>How close to the radio a workload must run; a node serves its own class and every looser one.</summary>
public enum LatencyClass
{
    /// <summary>No latency requirement.</summary>
    Any,

    /// <summary>A regional pool (tens of milliseconds from the user).</summary>
    Regional,

    /// <summary>An edge site (a few milliseconds).</summary>
    Edge,

    /// <summary>The strictest: on the cell site itself, sub-millisecond to the radio.</summary>
    UltraLow,
}
