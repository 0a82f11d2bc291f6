namespace PrecisionCloud.Resources.Compute;

/// <summary>How a workload runs.</summary>
public enum WorkloadKind
{
    /// <summary>Let placement choose from the image and the demand (see the package README for the rules).</summary>
    Auto,

    /// <summary>A virtual machine with its own kernel.</summary>
    VirtualMachine,

    /// <summary>A container sharing the node's kernel.</summary>
    Container,

    /// <summary>A whole physical machine.</summary>
    BareMetal,
}
