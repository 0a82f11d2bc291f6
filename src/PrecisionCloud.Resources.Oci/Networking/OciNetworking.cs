using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PrecisionCloud.Resources.Networking;
using PrecisionCloud.Resources.Oci.Host;
using PrecisionCloud.Resources.Providers;

namespace PrecisionCloud.Resources.Oci.Networking;

/// <summary>
/// Networks as Linux bridges holding each subnet's gateway address; each container replica gets a network
/// namespace with one veth pair per attached network (eth0, eth1, ...), its address, a default route through the
/// first network's gateway, and, when security policies apply, an nftables table in its namespace that allows
/// what the rules allow (replies always pass) and drops the rest in each direction a rule restricts.
/// </summary>
internal sealed class OciNetworking(string ip, string? nft)
{
    public static string BridgeName(string networkUid) => "pcbr" + networkUid[..Math.Min(10, networkUid.Length)];

    public static string NamespaceName(string workloadUid, int replica) => string.Create(CultureInfo.InvariantCulture, $"pc-{workloadUid}-{replica}");

    public static string NamespacePath(string workloadUid, int replica) => "/var/run/netns/" + NamespaceName(workloadUid, replica);

    public async Task EnsureBridgeAsync(string networkUid, NetworkSpec network, CancellationToken cancellationToken)
    {
        var bridge = BridgeName(networkUid);
        if (!await ExistsAsync(bridge, cancellationToken).ConfigureAwait(false))
        {
            await HostCommand.CheckedAsync(ip, ["link", "add", "name", bridge, "type", "bridge"], cancellationToken).ConfigureAwait(false);
        }

        foreach (var subnet in network.Subnets)
        {
            var (gateway, prefixLength) = subnet.Resolve();
            await HostCommand.CheckedAsync(ip, ["addr", "replace", string.Create(CultureInfo.InvariantCulture, $"{gateway}/{prefixLength}"), "dev", bridge], cancellationToken).ConfigureAwait(false);
        }

        await HostCommand.CheckedAsync(ip, ["link", "set", bridge, "up"], cancellationToken).ConfigureAwait(false);
    }

    public Task<bool> BridgeExistsAsync(string networkUid, CancellationToken cancellationToken) => ExistsAsync(BridgeName(networkUid), cancellationToken);

    public async Task DeleteBridgeAsync(string networkUid, CancellationToken cancellationToken)
    {
        var bridge = BridgeName(networkUid);
        if (await ExistsAsync(bridge, cancellationToken).ConfigureAwait(false))
        {
            await HostCommand.CheckedAsync(ip, ["link", "delete", bridge], cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Builds a replica's namespace from scratch: links, addresses, routes, filters.</summary>
    public async Task<string> CreateNamespaceAsync(string workloadUid, int replica, IReadOnlyList<AttachedNetwork> networks,
        IReadOnlyList<SecurityPolicySpec> policies, CancellationToken cancellationToken)
    {
        var name = NamespaceName(workloadUid, replica);
        await DeleteNamespaceAsync(workloadUid, replica, cancellationToken).ConfigureAwait(false);
        await HostCommand.CheckedAsync(ip, ["netns", "add", name], cancellationToken).ConfigureAwait(false);
        await HostCommand.CheckedAsync(ip, ["-n", name, "link", "set", "lo", "up"], cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < networks.Count; i++)
        {
            var network = networks[i];
            var hostEnd = VethName(workloadUid, replica, i);
            var inside = string.Create(CultureInfo.InvariantCulture, $"eth{i}");
            await HostCommand.RunAsync(ip, ["link", "delete", hostEnd], cancellationToken).ConfigureAwait(false);
            await HostCommand.CheckedAsync(ip, ["link", "add", hostEnd, "type", "veth", "peer", "name", inside, "netns", name], cancellationToken).ConfigureAwait(false);
            await HostCommand.CheckedAsync(ip, ["link", "set", hostEnd, "master", BridgeName(network.NetworkUid), "up"], cancellationToken).ConfigureAwait(false);
            var address = network.ReplicaAddresses[Math.Min(replica, network.ReplicaAddresses.Count - 1)];
            await HostCommand.CheckedAsync(ip, ["-n", name, "addr", "add", string.Create(CultureInfo.InvariantCulture, $"{address}/{network.PrefixLength}"), "dev", inside], cancellationToken).ConfigureAwait(false);
            await HostCommand.CheckedAsync(ip, ["-n", name, "link", "set", inside, "up"], cancellationToken).ConfigureAwait(false);
            if (i == 0)
            {
                await HostCommand.CheckedAsync(ip, ["-n", name, "route", "add", "default", "via", network.Gateway], cancellationToken).ConfigureAwait(false);
            }
        }

        if (policies.Count > 0)
        {
            if (nft is null)
            {
                throw new OciRuntimeException("nft", 127, "security policies need nftables on the host (Debian: apt-get install nftables)");
            }

            await HostCommand.CheckedAsync(ip, ["netns", "exec", name, nft, "-f", "-"], cancellationToken, Ruleset(policies)).ConfigureAwait(false);
        }

        return NamespacePath(workloadUid, replica);
    }

    public async Task DeleteNamespaceAsync(string workloadUid, int replica, CancellationToken cancellationToken)
    {
        var name = NamespaceName(workloadUid, replica);
        if (File.Exists(NamespacePath(workloadUid, replica)))
        {
            // Deleting the namespace removes its veth ends, and with them their peers on the bridge.
            await HostCommand.CheckedAsync(ip, ["netns", "delete", name], cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The nftables ruleset of a replica's namespace for its policies.</summary>
    internal static string Ruleset(IReadOnlyList<SecurityPolicySpec> policies)
    {
        var rules = policies.SelectMany(p => p.Rules).ToArray();
        var text = new StringBuilder();
        text.AppendLine("table inet precisioncloud {}");
        text.AppendLine("delete table inet precisioncloud");
        text.AppendLine("table inet precisioncloud {");
        Chain(text, "input", "iif", rules.Where(r => r.Direction == TrafficDirection.Ingress).ToArray(), "saddr");
        Chain(text, "output", "oif", rules.Where(r => r.Direction == TrafficDirection.Egress).ToArray(), "daddr");
        text.AppendLine("}");
        return text.ToString();
    }

    private static void Chain(StringBuilder text, string hook, string loopback, SecurityRule[] rules, string remote)
    {
        // A direction no rule speaks of stays open; one that some rule restricts allows only what the rules allow.
        text.Append(CultureInfo.InvariantCulture, $"  chain {hook} {{ type filter hook {hook} priority 0; policy {(rules.Length == 0 ? "accept" : "drop")};\n");
        text.AppendLine("    ct state established,related accept");
        text.Append(CultureInfo.InvariantCulture, $"    {loopback} lo accept\n");
        foreach (var rule in rules)
        {
            var match = new StringBuilder("    ");
            if (rule.RemoteCidr is { } cidr)
            {
                match.Append(CultureInfo.InvariantCulture, $"ip {remote} {cidr} ");
            }

            var from = rule.PortFrom ?? rule.PortTo;
            var to = rule.PortTo ?? rule.PortFrom;
            match.Append(rule.Protocol switch
            {
                SecurityRuleProtocol.Tcp => "meta l4proto tcp " + (from is null ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"tcp dport {from}-{to} ")),
                SecurityRuleProtocol.Udp => "meta l4proto udp " + (from is null ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"udp dport {from}-{to} ")),
                SecurityRuleProtocol.Icmp => "meta l4proto icmp ",
                _ => string.Empty,
            });
            text.Append(match).AppendLine("accept");
        }

        text.AppendLine("  }");
    }

    private static string VethName(string workloadUid, int replica, int network)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{workloadUid}/{replica}/{network}")));
        return "pcv" + Convert.ToHexStringLower(hash)[..11];
    }

    private async Task<bool> ExistsAsync(string link, CancellationToken cancellationToken) =>
        (await HostCommand.RunAsync(ip, ["link", "show", link], cancellationToken).ConfigureAwait(false)).ExitCode == 0;
}
