namespace PrecisionCloud.Hardware.Fit;

/// <summary>Whether a demand wants its CPUs, memory, hugepages, accelerators and NIC on one NUMA node.</summary>
public enum NumaLocality
{
    /// <summary>Locality does not matter.</summary>
    None,

    /// <summary>A node where everything fits in one NUMA node scores higher; others still fit.</summary>
    Preferred,

    /// <summary>Only nodes where everything fits in one NUMA node fit.</summary>
    Required,
}
