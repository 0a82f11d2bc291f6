namespace PrecisionCloud.UserPlane.Rules;

/// <summary>Where forwarded packets go (3GPP TS 29.244 §8.2.24).</summary>
public enum DestinationInterface : byte
{
    /// <summary>Toward the UE: the RAN (N3) or a downstream UPF (N9).</summary>
    Access = 0,

    /// <summary>Toward the data network (N6) or an upstream UPF (N9).</summary>
    Core = 1,

    /// <summary>SGi-LAN / N6-LAN: into a service function chain.</summary>
    SgiLanN6Lan = 2,

    /// <summary>To the control plane function.</summary>
    CpFunction = 3,

    /// <summary>To a lawful interception function.</summary>
    LiFunction = 4,

    /// <summary>5G VN internal.</summary>
    FiveGVnInternal = 5,
}
