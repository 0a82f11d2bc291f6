using PrecisionCloud.UserPlane.Pfcp.InformationElements;
using PrecisionCloud.UserPlane.Rules;

namespace PrecisionCloud.UserPlane.Pfcp.Sessions;

/// <summary>
/// An Update PDR (3GPP TS 29.244 §7.5.4.2): the IEs present replace the rule's; the QER and URR ID lists, when
/// present, replace the whole lists.
/// </summary>
/// <param name="Id">The PDR to change.</param>
public sealed record PdrUpdate(ushort Id)
{
    /// <summary>A new precedence.</summary>
    public uint? Precedence { get; init; }

    /// <summary>A new PDI (the whole of it).</summary>
    public PacketDetectionInformation? Pdi { get; init; }

    /// <summary>The new PDI's local F-TEID as sent (CHOOSE asks the user plane for one).</summary>
    public FTeid? LocalFTeid { get; init; }

    /// <summary>A new outer header removal.</summary>
    public OuterHeaderRemoval? OuterHeaderRemoval { get; init; }

    /// <summary>A new FAR.</summary>
    public uint? FarId { get; init; }

    /// <summary>The new QER list.</summary>
    public IReadOnlyList<uint>? QerIds { get; init; }

    /// <summary>The new URR list.</summary>
    public IReadOnlyList<uint>? UrrIds { get; init; }

    /// <summary>The rule with this update applied.</summary>
    /// <param name="rule">The rule as it stands.</param>
    /// <returns>The changed rule.</returns>
    public PacketDetectionRule ApplyTo(PacketDetectionRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return rule with
        {
            Precedence = Precedence ?? rule.Precedence,
            Pdi = Pdi ?? rule.Pdi,
            OuterHeaderRemoval = OuterHeaderRemoval ?? rule.OuterHeaderRemoval,
            FarId = FarId ?? rule.FarId,
            QerIds = QerIds ?? rule.QerIds,
            UrrIds = UrrIds ?? rule.UrrIds,
        };
    }
}
