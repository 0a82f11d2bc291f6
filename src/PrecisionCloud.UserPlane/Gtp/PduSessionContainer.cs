namespace PrecisionCloud.UserPlane.Gtp;

/// <summary>
/// The fields of a PDU Session Container extension header that the user plane acts on (3GPP TS 38.415 §5.5.2):
/// the PDU type, the QoS Flow Identifier, and on the downlink the Reflective QoS Indicator and Paging Policy Indicator.
/// </summary>
/// <param name="Type">DL or UL PDU SESSION INFORMATION.</param>
/// <param name="Qfi">QoS Flow Identifier, 0 to 63.</param>
/// <param name="Rqi">Reflective QoS Indicator (downlink only).</param>
/// <param name="Ppi">Paging Policy Indicator, 0 to 7, when present (downlink only; sets PPP).</param>
public readonly record struct PduSessionContainer(PduSessionInformationType Type, byte Qfi, bool Rqi = false, byte? Ppi = null)
{
    /// <summary>The largest QFI (6 bits).</summary>
    public const byte MaxQfi = 63;

    /// <summary>The largest PPI (3 bits).</summary>
    public const byte MaxPpi = 7;

    /// <summary>The extension header's length on the wire, in octets (a multiple of 4).</summary>
    public int EncodedLength => Ppi is null ? 4 : 8;
}
