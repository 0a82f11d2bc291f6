namespace PrecisionCloud.UserPlane.Hosting;

/// <summary>
/// A session configured without a control plane (like a static tunnel): the UE's address, the TEID the gNB sends
/// uplink to, and the gNB's address and TEID for downlink.
/// </summary>
public sealed class StaticSessionOptions
{
    /// <summary>The UE's IPv4 address.</summary>
    public string UeAddress { get; set; } = string.Empty;

    /// <summary>The TEID uplink G-PDUs arrive with (this UPF's F-TEID).</summary>
    public uint UplinkTeid { get; set; }

    /// <summary>The gNB's N3 address.</summary>
    public string GnbAddress { get; set; } = string.Empty;

    /// <summary>The gNB's TEID for downlink.</summary>
    public uint DownlinkTeid { get; set; }

    /// <summary>The QFI for downlink PDU Session Containers (and expected on uplink); 9 by default.</summary>
    public byte Qfi { get; set; } = 9;

    /// <summary>Uplink maximum bit rate in kbit/s; none by default.</summary>
    public ulong? UplinkMbrKbps { get; set; }

    /// <summary>Downlink maximum bit rate in kbit/s; none by default.</summary>
    public ulong? DownlinkMbrKbps { get; set; }

    /// <summary>The network instance (N6 port) uplink goes to; the default one when unset.</summary>
    public string? NetworkInstance { get; set; }
}
