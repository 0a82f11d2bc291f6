namespace PrecisionCloud.Resources.Networking;

/// <summary>
/// One allow rule of a security policy. In each direction that some rule of the workload's policies names, only what
/// the rules allow passes; a direction no rule names stays open. Replies to allowed traffic always pass.
/// </summary>
public sealed record SecurityRule
{
    /// <summary>The direction.</summary>
    public TrafficDirection Direction { get; set; } = TrafficDirection.Ingress;

    /// <summary>The protocol.</summary>
    public SecurityRuleProtocol Protocol { get; set; } = SecurityRuleProtocol.Any;

    /// <summary>The first port (TCP and UDP), or <see langword="null"/> for every port.</summary>
    public int? PortFrom { get; init; }

    /// <summary>The last port; equal to <see cref="PortFrom"/> when <see langword="null"/>.</summary>
    public int? PortTo { get; init; }

    /// <summary>The remote prefix (<c>0.0.0.0/0</c> for anywhere), exclusive with <see cref="RemoteGroup"/>.</summary>
    public string? RemoteCidr { get; init; }

    /// <summary>The remote workloads: those carrying this security policy name, exclusive with <see cref="RemoteCidr"/>.</summary>
    public string? RemoteGroup { get; init; }
}
