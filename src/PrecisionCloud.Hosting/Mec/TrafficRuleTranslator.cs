using System.Globalization;
using System.Net;
using System.Net.Sockets;
using PrecisionCloud.Mec.ApplicationSupport;
using PrecisionCloud.UserPlane.Classification;
using PrecisionCloud.UserPlane.Packets;
using PrecisionCloud.UserPlane.Steering;

namespace PrecisionCloud.Hosting.Mec;

/// <summary>
/// Turns an ETSI MEC 011 traffic rule into the user plane's steering rules, or says exactly why it cannot: every
/// attribute the user plane does not act on is refused by name rather than ignored.
/// </summary>
internal static class TrafficRuleTranslator
{
    /// <summary>The steering rules of one traffic rule (one per combination of its filters' addresses and protocols).</summary>
    /// <param name="appInstanceId">The application the rule belongs to.</param>
    /// <param name="rule">The rule.</param>
    /// <param name="networkInstanceFor">The network instance of the N6 port that reaches an address, if any.</param>
    /// <param name="refusal">Why the rule cannot be honoured, when it cannot.</param>
    /// <returns>The steering rules, or none with a refusal.</returns>
    public static IReadOnlyList<SteeringRule>? Translate(string appInstanceId, TrafficRule rule, Func<IPAddress, string?> networkInstanceFor, out string? refusal)
    {
        refusal = null;
        var action = rule.Action switch
        {
            TrafficRuleAction.ForwardDecapsulated => SteeringAction.ForwardDecapsulated,
            TrafficRuleAction.DuplicateDecapsulated => SteeringAction.DuplicateDecapsulated,
            TrafficRuleAction.Drop => SteeringAction.Drop,
            TrafficRuleAction.Passthrough => SteeringAction.Passthrough,
            _ => (SteeringAction?)null,
        };
        if (action is null)
        {
            refusal = $"action {Wire(rule.Action)}: the user plane breaks traffic out decapsulated (FORWARD_DECAPSULATED, DUPLICATE_DECAPSULATED), drops it or lets it pass; it does not forward GTP-U encapsulated packets to another tunnel endpoint";
            return null;
        }

        string? networkInstance = null;
        if (action is SteeringAction.ForwardDecapsulated or SteeringAction.DuplicateDecapsulated)
        {
            if (rule.DstInterface is not { Count: > 0 } interfaces)
            {
                refusal = "dstInterface: required for a forwarding or duplicating action";
                return null;
            }

            if (interfaces.Count > 1)
            {
                refusal = "dstInterface: the user plane takes one destination interface; replies come back through the UE's session, so a second (downlink) interface has no use";
                return null;
            }

            var target = interfaces[0];
            if (target.InterfaceType != InterfaceType.Ip || target.DstIpAddress is null || !IPAddress.TryParse(target.DstIpAddress, out var address))
            {
                refusal = $"dstInterface.interfaceType {Wire(target.InterfaceType)}: the user plane delivers to an IP next hop (interfaceType IP with dstIpAddress); MAC and TUNNEL interfaces are not supported";
                return null;
            }

            networkInstance = networkInstanceFor(address);
            if (networkInstance is null)
            {
                refusal = $"dstInterface.dstIpAddress {address}: no N6 port of the user plane routes to it (configure PrecisionCloud:UserPlane:N6Ports with a route that covers it)";
                return null;
            }
        }

        List<SteeringRule> steering = [];
        for (var f = 0; f < rule.TrafficFilter.Count; f++)
        {
            var filter = rule.TrafficFilter[f];
            var at = $"trafficFilter[{f}]";
            if (Unsupported(filter) is { } field)
            {
                refusal = $"{at}.{field}: the user plane classifies on inner addresses, ports and protocol only";
                return null;
            }

            if (!TryAddresses(filter.SrcAddress, out var sources, out var badSource))
            {
                refusal = $"{at}.srcAddress '{badSource}': an address or a prefix (a.b.c.d/n) is needed; ranges are not supported";
                return null;
            }

            if (!TryAddresses(filter.DstAddress, out var destinations, out var badDestination))
            {
                refusal = $"{at}.dstAddress '{badDestination}': an address or a prefix (a.b.c.d/n) is needed; ranges are not supported";
                return null;
            }

            if (!TryPorts(filter.SrcPort, out var sourcePorts, out var badSourcePort))
            {
                refusal = $"{at}.srcPort '{badSourcePort}': a port or a range lo-hi is needed";
                return null;
            }

            if (!TryPorts(filter.DstPort, out var destinationPorts, out var badDestinationPort))
            {
                refusal = $"{at}.dstPort '{badDestinationPort}': a port or a range lo-hi is needed";
                return null;
            }

            if (!TryProtocols(filter.Protocol, out var protocols, out var badProtocol))
            {
                refusal = $"{at}.protocol '{badProtocol}': a protocol number (0-255) or TCP, UDP, ICMP, ICMPv6, SCTP is needed";
                return null;
            }

            foreach (var source in sources)
            {
                foreach (var destination in destinations)
                {
                    foreach (var protocol in protocols)
                    {
                        steering.Add(new SteeringRule
                        {
                            Id = $"{appInstanceId}/{rule.TrafficRuleId}/{steering.Count}",

                            // ETSI: the higher priority wins; the user plane evaluates the lowest value first.
                            Priority = 255 - rule.Priority,
                            Filter = new PacketFilter(protocol, source, sourcePorts, destination, destinationPorts),
                            Action = action.Value,
                            NetworkInstance = networkInstance,
                        });
                    }
                }
            }
        }

        return steering;
    }

    private static string? Unsupported(TrafficFilter filter) =>
        filter.Tag is { Count: > 0 } ? "tag"
        : filter.SrcTunnelAddress is { Count: > 0 } ? "srcTunnelAddress"
        : filter.TgtTunnelAddress is { Count: > 0 } ? "tgtTunnelAddress"
        : filter.SrcTunnelPort is { Count: > 0 } ? "srcTunnelPort"
        : filter.DstTunnelPort is { Count: > 0 } ? "dstTunnelPort"
        : filter.Qci is not null ? "qCI"
        : filter.Dscp is not null ? "dSCP"
        : filter.TrafficClass is not null ? "tC"
        : null;

    private static bool TryAddresses(IReadOnlyList<string>? texts, out List<AddressMatch> matches, out string? bad)
    {
        matches = [];
        bad = null;
        if (texts is not { Count: > 0 })
        {
            matches.Add(AddressMatch.Any);
            return true;
        }

        foreach (var text in texts)
        {
            var slash = text.IndexOf('/', StringComparison.Ordinal);
            if (!IPAddress.TryParse(slash < 0 ? text : text[..slash], out var address))
            {
                bad = text;
                return false;
            }

            var full = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
            var length = full;
            if (slash >= 0 && (!int.TryParse(text[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out length) || length > full))
            {
                bad = text;
                return false;
            }

            matches.Add(AddressMatch.Prefix(InetAddress.From(address), length));
        }

        return true;
    }

    private static bool TryPorts(IReadOnlyList<string>? texts, out List<PortRange> ranges, out string? bad)
    {
        ranges = [];
        bad = null;
        foreach (var text in texts ?? [])
        {
            var parts = text.Split('-', 2, StringSplitOptions.TrimEntries);
            if (!ushort.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var low)
                || !ushort.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var high) || high < low)
            {
                bad = text;
                return false;
            }

            ranges.Add(new PortRange(low, high));
        }

        return true;
    }

    private static bool TryProtocols(IReadOnlyList<string>? texts, out List<byte?> protocols, out string? bad)
    {
        protocols = [];
        bad = null;
        if (texts is not { Count: > 0 })
        {
            protocols.Add(null);
            return true;
        }

        foreach (var text in texts)
        {
            byte? protocol = text.ToUpperInvariant() switch
            {
                "TCP" => 6,
                "UDP" => 17,
                "ICMP" => 1,
                "ICMPV6" => 58,
                "SCTP" => 132,
                _ when byte.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) => number,
                _ => null,
            };
            if (protocol is null)
            {
                bad = text;
                return false;
            }

            protocols.Add(protocol);
        }

        return true;
    }

    private static string Wire<T>(T value) => PrecisionCloud.Mec.MecJson.Serialize(value).Trim('"');
}
