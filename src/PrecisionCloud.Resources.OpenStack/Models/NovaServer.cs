namespace PrecisionCloud.Resources.OpenStack.Models;

/// <summary>A Nova server as the API shows it.</summary>
public sealed record NovaServer
{
    /// <summary>The server's id.</summary>
    public required string Id { get; init; }

    /// <summary>The server's name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>The project the server is in.</summary>
    public string? ProjectId { get; init; }

    /// <summary>The status: BUILD, ACTIVE, SHUTOFF, ERROR, DELETED...</summary>
    public string Status { get; init; } = string.Empty;

    /// <summary>The task in progress (<c>OS-EXT-STS:task_state</c>), if any.</summary>
    public string? TaskState { get; init; }

    /// <summary>The compute host (<c>OS-EXT-SRV-ATTR:host</c>; shown to administrators only).</summary>
    public string? Host { get; init; }

    /// <summary>The hypervisor node (<c>OS-EXT-SRV-ATTR:hypervisor_hostname</c>; shown to administrators only).</summary>
    public string? Node { get; init; }

    /// <summary>The server's metadata.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>Addresses by network name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Addresses { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Why the server failed (its fault's message and code), when it did.</summary>
    public string? Fault { get; init; }

    /// <summary>The image the server booted from.</summary>
    public string? ImageId { get; init; }

    /// <summary>The ids of the volumes attached.</summary>
    public IReadOnlyList<string> AttachedVolumes { get; init; } = [];
}
