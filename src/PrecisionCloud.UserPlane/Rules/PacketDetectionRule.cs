namespace PrecisionCloud.UserPlane.Rules;

/// <summary>A Packet Detection Rule (3GPP TS 29.244 §5.2.1, §7.5.2.2).</summary>
public sealed record PacketDetectionRule
{
    /// <summary>The PDR ID, unique in the session.</summary>
    public required ushort Id { get; init; }

    /// <summary>The precedence: among matching PDRs, the lowest value wins.</summary>
    public required uint Precedence { get; init; }

    /// <summary>What the PDR matches.</summary>
    public required PacketDetectionInformation Pdi { get; init; }

    /// <summary>The outer header to remove, or none.</summary>
    public OuterHeaderRemoval? OuterHeaderRemoval { get; init; }

    /// <summary>The FAR to apply.</summary>
    public required uint FarId { get; init; }

    /// <summary>The QERs to apply, in order.</summary>
    public IReadOnlyList<uint> QerIds { get; init; } = [];

    /// <summary>The URRs that count the packets.</summary>
    public IReadOnlyList<uint> UrrIds { get; init; } = [];
}
