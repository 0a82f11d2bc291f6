using PrecisionCloud.Resources.Networking;

namespace PrecisionCloud.Resources.Providers;

/// <summary>A network a workload is attached to, resolved for its provider.</summary>
/// <param name="Network">The network's spec.</param>
/// <param name="NetworkUid">The network's uid.</param>
/// <param name="Subnet">The subnet the addresses come from.</param>
/// <param name="Gateway">The subnet's gateway.</param>
/// <param name="PrefixLength">The subnet's prefix length.</param>
/// <param name="ReplicaAddresses">The address of each replica, by replica index.</param>
public sealed record AttachedNetwork(
    NetworkSpec Network, string NetworkUid, string Subnet, string Gateway, int PrefixLength, IReadOnlyList<string> ReplicaAddresses);
