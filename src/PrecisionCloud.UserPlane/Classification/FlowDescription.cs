using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using PrecisionCloud.UserPlane.Packets;

namespace PrecisionCloud.UserPlane.Classification;

/// <summary>
/// A parsed SDF flow description (3GPP TS 29.212 §5.4.2, the IPFilterRule of RFC 6733 §4.3.1 as 3GPP restricts it):
/// <c>permit out &lt;protocol&gt; from &lt;source&gt; [ports] to &lt;destination&gt; [ports]</c>, where the protocol is
/// a number or <c>ip</c>, an address is <c>any</c>, <c>assigned</c> or an IPv4/IPv6 address with an optional prefix
/// length, and ports are a list of ports and ranges (<c>80,443,1000-2000</c>).
/// </summary>
public sealed record FlowDescription
{
    private static readonly string[] Options = ["frag", "ipoptions", "tcpoptions", "established", "setup", "tcpflags", "icmptypes"];

    /// <summary>The direction keyword.</summary>
    public FlowDirection Direction { get; init; }

    /// <summary>The IP protocol number, or <see langword="null"/> for <c>ip</c> (every protocol).</summary>
    public byte? Protocol { get; init; }

    /// <summary>The <c>from</c> address.</summary>
    public AddressMatch Source { get; init; } = AddressMatch.Any;

    /// <summary>The <c>from</c> ports; empty for every port.</summary>
    public IReadOnlyList<PortRange> SourcePorts { get; init; } = [];

    /// <summary>The <c>to</c> address.</summary>
    public AddressMatch Destination { get; init; } = AddressMatch.Any;

    /// <summary>The <c>to</c> ports; empty for every port.</summary>
    public IReadOnlyList<PortRange> DestinationPorts { get; init; } = [];

    /// <summary>Parses a flow description.</summary>
    /// <param name="text">The description, for example <c>permit out 17 from 10.0.0.0/8 1000-2000 to assigned 53</c>.</param>
    /// <returns>The description.</returns>
    /// <exception cref="FormatException">The text is not a valid flow description; the message says why.</exception>
    public static FlowDescription Parse(string text) =>
        TryParse(text, out var description, out var error) ? description : throw new FormatException(error);

    /// <summary>Parses a flow description without throwing.</summary>
    /// <param name="text">The description.</param>
    /// <param name="description">The parsed description.</param>
    /// <param name="error">Why the text is invalid, naming the token.</param>
    /// <returns><see langword="true"/> when the text is valid.</returns>
    public static bool TryParse(string? text, [NotNullWhen(true)] out FlowDescription? description, [NotNullWhen(false)] out string? error)
    {
        description = null;
        var tokens = (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var position = 0;

        string? Next() => position < tokens.Length ? tokens[position++] : null;
        bool Fail(string message, out string? reason)
        {
            reason = message;
            return false;
        }

        if (tokens.Length == 0)
        {
            return Fail("the flow description is empty", out error);
        }

        var action = Next()!;
        if (!action.Equals("permit", StringComparison.OrdinalIgnoreCase))
        {
            return Fail($"expected 'permit' as the action, found '{action}' (3GPP uses only 'permit')", out error);
        }

        var directionText = Next();
        FlowDirection direction;
        if ("out".Equals(directionText, StringComparison.OrdinalIgnoreCase))
        {
            direction = FlowDirection.Out;
        }
        else if ("in".Equals(directionText, StringComparison.OrdinalIgnoreCase))
        {
            direction = FlowDirection.In;
        }
        else
        {
            return Fail($"expected 'out' or 'in' as the direction, found '{directionText ?? "nothing"}'", out error);
        }

        var protocolText = Next();
        byte? protocol;
        if ("ip".Equals(protocolText, StringComparison.OrdinalIgnoreCase))
        {
            protocol = null;
        }
        else if (byte.TryParse(protocolText, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            protocol = number;
        }
        else
        {
            return Fail($"protocol '{protocolText ?? "nothing"}' is not a number from 0 to 255 or 'ip'", out error);
        }

        if (!"from".Equals(Next(), StringComparison.OrdinalIgnoreCase))
        {
            return Fail($"expected 'from' after the protocol", out error);
        }

        if (!TryParseEndpoint(tokens, ref position, "from", out var source, out var sourcePorts, out error))
        {
            return false;
        }

        if (!"to".Equals(Next(), StringComparison.OrdinalIgnoreCase))
        {
            return Fail("expected 'to' after the source", out error);
        }

        if (!TryParseEndpoint(tokens, ref position, "to", out var destination, out var destinationPorts, out error))
        {
            return false;
        }

        if (position < tokens.Length)
        {
            var extra = tokens[position];
            return Fail(Options.Contains(extra, StringComparer.OrdinalIgnoreCase)
                ? $"option '{extra}' is not supported in 3GPP flow descriptions"
                : $"unexpected '{extra}' after the destination", out error);
        }

        if (source.Kind == AddressMatchKind.Prefix && destination.Kind == AddressMatchKind.Prefix && source.Address.IsIPv6 != destination.Address.IsIPv6)
        {
            return Fail("the source and destination addresses are of different IP versions", out error);
        }

        description = new FlowDescription
        {
            Direction = direction,
            Protocol = protocol,
            Source = source,
            SourcePorts = sourcePorts,
            Destination = destination,
            DestinationPorts = destinationPorts,
        };
        error = null;
        return true;
    }

    /// <summary>
    /// The filter in the terms of a packet travelling in one direction (TS 29.244 §5.2.1A.2A): a description is
    /// written for downlink (<c>out</c>: from the network to the UE), so for uplink packets (a PDR with source
    /// interface ACCESS) its <c>from</c> part matches the packet's destination and its <c>to</c> part the source.
    /// </summary>
    /// <param name="uplink">Whether the packets travel from the UE (source interface ACCESS).</param>
    /// <returns>The filter with source and destination as the packet has them.</returns>
    public PacketFilter ForPackets(bool uplink)
    {
        var swap = uplink == (Direction == FlowDirection.Out);
        return swap
            ? new PacketFilter(Protocol, Destination, DestinationPorts, Source, SourcePorts)
            : new PacketFilter(Protocol, Source, SourcePorts, Destination, DestinationPorts);
    }

    /// <inheritdoc />
    public override string ToString()
    {
        static string Ports(IReadOnlyList<PortRange> ports) => ports.Count == 0 ? string.Empty : " " + string.Join(',', ports);
        return $"permit {(Direction == FlowDirection.Out ? "out" : "in")} {(Protocol is { } p ? p.ToString(CultureInfo.InvariantCulture) : "ip")} " +
            $"from {Source}{Ports(SourcePorts)} to {Destination}{Ports(DestinationPorts)}";
    }

    private static bool TryParseEndpoint(string[] tokens, ref int position, string keyword, out AddressMatch address, out IReadOnlyList<PortRange> ports, [NotNullWhen(false)] out string? error)
    {
        address = AddressMatch.Any;
        ports = [];
        if (position >= tokens.Length)
        {
            error = $"expected an address after '{keyword}'";
            return false;
        }

        var text = tokens[position++];
        if (text.Equals("any", StringComparison.OrdinalIgnoreCase))
        {
            address = AddressMatch.Any;
        }
        else if (text.Equals("assigned", StringComparison.OrdinalIgnoreCase))
        {
            address = AddressMatch.Assigned;
        }
        else if (!TryParsePrefix(text, out address, out error))
        {
            return false;
        }

        if (position < tokens.Length && tokens[position].Length > 0 && char.IsAsciiDigit(tokens[position][0])
            && !tokens[position].Contains('.', StringComparison.Ordinal) && !tokens[position].Contains(':', StringComparison.Ordinal))
        {
            if (!TryParsePorts(tokens[position++], out ports, out error))
            {
                return false;
            }
        }

        error = null;
        return true;
    }

    private static bool TryParsePrefix(string text, out AddressMatch address, [NotNullWhen(false)] out string? error)
    {
        address = default;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? text : text[..slash];
        if (!IPAddress.TryParse(addressText, out var ip) || addressText.Contains('%', StringComparison.Ordinal)
            || (ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && addressText.Count(c => c == '.') != 3))
        {
            error = $"'{text}' is not 'any', 'assigned' or an IP address with an optional prefix length";
            return false;
        }

        var value = InetAddress.From(ip);
        var bits = value.IsIPv6 ? 128 : 32;
        var length = bits;
        if (slash >= 0 && (!int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out length) || length > bits))
        {
            error = $"prefix length in '{text}' must be a number from 0 to {bits}";
            return false;
        }

        address = AddressMatch.Prefix(value, length);
        error = null;
        return true;
    }

    private static bool TryParsePorts(string text, out IReadOnlyList<PortRange> ports, [NotNullWhen(false)] out string? error)
    {
        var ranges = new List<PortRange>();
        ports = ranges;
        foreach (var part in text.Split(','))
        {
            var dash = part.IndexOf('-', StringComparison.Ordinal);
            var lowText = dash < 0 ? part : part[..dash];
            var highText = dash < 0 ? part : part[(dash + 1)..];
            if (!ushort.TryParse(lowText, NumberStyles.None, CultureInfo.InvariantCulture, out var low)
                || !ushort.TryParse(highText, NumberStyles.None, CultureInfo.InvariantCulture, out var high))
            {
                error = $"port '{part}' is not a port from 0 to 65535 or a range of them";
                return false;
            }

            if (high < low)
            {
                error = $"port range '{part}' ends before it starts";
                return false;
            }

            ranges.Add(new PortRange(low, high));
        }

        error = null;
        return true;
    }
}
