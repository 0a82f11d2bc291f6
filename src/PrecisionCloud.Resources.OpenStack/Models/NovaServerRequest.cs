namespace PrecisionCloud.Resources.OpenStack.Models;

/// <summary>What to boot: <c>POST /servers</c>.</summary>
public sealed record NovaServerRequest
{
    /// <summary>The server's name.</summary>
    public required string Name { get; init; }

    /// <summary>The Glance image to boot from.</summary>
    public required string ImageId { get; init; }

    /// <summary>The flavor.</summary>
    public required string FlavorId { get; init; }

    /// <summary>Ports to plug, made beforehand (fixed addresses, security groups set on them).</summary>
    public IReadOnlyList<string> Ports { get; init; } = [];

    /// <summary>Networks to plug a new port into each.</summary>
    public IReadOnlyList<string> Networks { get; init; } = [];

    /// <summary>Security group names for ports Nova makes.</summary>
    public IReadOnlyList<string> SecurityGroups { get; init; } = [];

    /// <summary>User data (cloud-init), sent base64-encoded.</summary>
    public string? UserData { get; init; }

    /// <summary>Metadata.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>A server group whose policy binds this server (scheduler hint <c>group</c>).</summary>
    public string? ServerGroupId { get; init; }

    /// <summary>A compute host to boot on (microversion 2.74; administrators only).</summary>
    public string? Host { get; init; }

    /// <summary>An availability zone.</summary>
    public string? AvailabilityZone { get; init; }
}
