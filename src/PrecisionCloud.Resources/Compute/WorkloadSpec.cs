namespace PrecisionCloud.Resources.Compute;

/// <summary>What a tenant wants run: the desired state of one workload.</summary>
public sealed record WorkloadSpec
{
    /// <summary>The owning tenant.</summary>
    public required string Tenant { get; init; }

    /// <summary>The workload's name, unique in its tenant (same rules as a tenant name).</summary>
    public required string Name { get; init; }

    /// <summary>How it runs; <see cref="WorkloadKind.Auto"/> lets placement choose.</summary>
    public WorkloadKind Kind { get; set; } = WorkloadKind.Auto;

    /// <summary>The image it runs.</summary>
    public required WorkloadImage Image { get; init; }

    /// <summary>What each replica needs.</summary>
    public WorkloadResources Resources { get; set; } = new();

    /// <summary>Replicas (containers); VMs and bare metal run one.</summary>
    public int Replicas { get; set; } = 1;

    /// <summary>Networks to attach.</summary>
    public IReadOnlyList<NetworkAttachment> Networks { get; set; } = [];

    /// <summary>Security policies (by name in the tenant) applied to its network interfaces.</summary>
    public IReadOnlyList<string> SecurityPolicies { get; set; } = [];

    /// <summary>Volumes to attach.</summary>
    public IReadOnlyList<VolumeMount> Volumes { get; set; } = [];

    /// <summary>Where it may run.</summary>
    public PlacementConstraints Placement { get; set; } = new();

    /// <summary>The command and its arguments (containers); empty for the image's own entry point.</summary>
    public IReadOnlyList<string> Command { get; set; } = [];

    /// <summary>Environment variables (containers).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; set; } = new Dictionary<string, string>();

    /// <summary>User data handed to a VM's first boot (cloud-init).</summary>
    public string? UserData { get; init; }

    /// <summary>What happens when its process exits.</summary>
    public RestartPolicy RestartPolicy { get; set; } = RestartPolicy.Always;
}
