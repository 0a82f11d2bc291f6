namespace PrecisionCloud.UserPlane.Pfcp.InformationElements;

/// <summary>
/// What a user plane function supports (3GPP TS 29.244 §8.2.25), advertised in Association Setup. Bit n of the
/// value is bit (n mod 8) + 1 of octet 5 + n / 8; octets the peer does not send are zero, octets this enum does not
/// name are kept.
/// </summary>
[Flags]
#pragma warning disable CA1711 // "Features" is the name TS 29.244 gives the IE.
public enum UpFunctionFeatures : ulong
#pragma warning restore CA1711
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>BUCP: downlink data buffering in the CP function.</summary>
    Bucp = 1UL << 0,

    /// <summary>DDND: buffering parameter Downlink Data Notification Delay.</summary>
    Ddnd = 1UL << 1,

    /// <summary>DLBD: buffering parameter DL Buffering Duration.</summary>
    Dlbd = 1UL << 2,

    /// <summary>TRST: traffic steering.</summary>
    Trst = 1UL << 3,

    /// <summary>FTUP: F-TEID allocation and release in the UP function (CHOOSE).</summary>
    Ftup = 1UL << 4,

    /// <summary>PFDM: PFD management.</summary>
    Pfdm = 1UL << 5,

    /// <summary>HEEU: header enrichment of uplink traffic.</summary>
    Heeu = 1UL << 6,

    /// <summary>TREU: traffic redirection enforcement.</summary>
    Treu = 1UL << 7,

    /// <summary>EMPU: sending End Marker packets.</summary>
    Empu = 1UL << 8,

    /// <summary>PDIU: PDI optimisation.</summary>
    Pdiu = 1UL << 9,

    /// <summary>UDBC: UL/DL buffering control.</summary>
    Udbc = 1UL << 10,

    /// <summary>QUOAC: the Quota Action IE.</summary>
    Quoac = 1UL << 11,

    /// <summary>TRACE: trace.</summary>
    Trace = 1UL << 12,

    /// <summary>FRRT: framed routing.</summary>
    Frrt = 1UL << 13,

    /// <summary>PFDE: PFD contents extension.</summary>
    Pfde = 1UL << 14,

    /// <summary>EPFAR: the Enhanced PFCP Association Release.</summary>
    Epfar = 1UL << 15,

    /// <summary>DPDRA: deferred PDR activation or deactivation.</summary>
    Dpdra = 1UL << 16,

    /// <summary>ADPDP: activation and deactivation of pre-defined PDRs.</summary>
    Adpdp = 1UL << 17,

    /// <summary>UEIP: UE IP address allocation in the UP function.</summary>
    Ueip = 1UL << 18,

    /// <summary>SSET: PFCP sessions successively controlled by different SMFs of an SMF set.</summary>
    Sset = 1UL << 19,

    /// <summary>MNOP: measurement of the number of packets.</summary>
    Mnop = 1UL << 20,

    /// <summary>MTE: multiple instances of Traffic Endpoint IDs in a PDI.</summary>
    Mte = 1UL << 21,

    /// <summary>BUNDL: PFCP messages bundled.</summary>
    Bundl = 1UL << 22,

    /// <summary>GCOM: 5G VN group communication.</summary>
    Gcom = 1UL << 23,
}
