namespace PrecisionCloud.Hardware.Fit;

/// <summary>The field of a <see cref="ComputeDemand"/> that a <see cref="FitReason"/> is about.</summary>
public enum DemandField
{
    /// <summary><see cref="ComputeDemand.VCpus"/>.</summary>
    VCpus,

    /// <summary><see cref="ComputeDemand.MemoryBytes"/>.</summary>
    Memory,

    /// <summary><see cref="ComputeDemand.HugePages2MiB"/>.</summary>
    HugePages2MiB,

    /// <summary><see cref="ComputeDemand.HugePages1GiB"/>.</summary>
    HugePages1GiB,

    /// <summary><see cref="ComputeDemand.Accelerators"/>.</summary>
    Accelerators,

    /// <summary><see cref="ComputeDemand.NicThroughputGbps"/>.</summary>
    NicThroughput,

    /// <summary><see cref="ComputeDemand.RequiredIsa"/>.</summary>
    IsaFeatures,

    /// <summary><see cref="ComputeDemand.NumaLocality"/>.</summary>
    NumaLocality,
}
