namespace PrecisionCloud.UserPlane.Rules;

/// <summary>Where packets come from (3GPP TS 29.244 §8.2.2).</summary>
public enum SourceInterface : byte
{
    /// <summary>The access side: uplink from the RAN (N3) or another UPF toward the UE (N9).</summary>
    Access = 0,

    /// <summary>The core side: downlink from the data network (N6) or an upstream UPF (N9).</summary>
    Core = 1,

    /// <summary>SGi-LAN / N6-LAN: traffic returning from a service function chain.</summary>
    SgiLanN6Lan = 2,

    /// <summary>The control plane function (packets the SMF sends for the UE).</summary>
    CpFunction = 3,

    /// <summary>5G VN internal (local switching between UEs of a 5G LAN).</summary>
    FiveGVnInternal = 4,
}
