namespace PrecisionCloud.UserPlane.Pfcp.InformationElements;

/// <summary>What a control plane function supports (3GPP TS 29.244 §8.2.58), bit layout as <see cref="UpFunctionFeatures"/>.</summary>
[Flags]
#pragma warning disable CA1711 // "Features" is the name TS 29.244 gives the IE.
public enum CpFunctionFeatures : ulong
#pragma warning restore CA1711
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>LOAD: load control.</summary>
    Load = 1UL << 0,

    /// <summary>OVRL: overload control.</summary>
    Ovrl = 1UL << 1,

    /// <summary>EPFAR: the Enhanced PFCP Association Release.</summary>
    Epfar = 1UL << 2,

    /// <summary>SSET: SMF set.</summary>
    Sset = 1UL << 3,

    /// <summary>BUNDL: PFCP messages bundled.</summary>
    Bundl = 1UL << 4,

    /// <summary>MPAS: SMF support for multiple PFCP associations to the same SMF set.</summary>
    Mpas = 1UL << 5,

    /// <summary>ARDR: additional usage reports in the Session Deletion Response.</summary>
    Ardr = 1UL << 6,

    /// <summary>UIAUR: UE IP address usage reporting.</summary>
    Uiaur = 1UL << 7,
}
