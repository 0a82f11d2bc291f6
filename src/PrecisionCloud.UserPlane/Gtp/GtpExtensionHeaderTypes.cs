namespace PrecisionCloud.UserPlane.Gtp;

/// <summary>Rules about extension header types that do not depend on knowing the type.</summary>
public static class GtpExtensionHeaderTypes
{
    /// <summary>
    /// Whether an endpoint receiver must understand a type to process the packet (TS 29.281 §5.2.1): the two most
    /// significant bits <c>10</c> (required by the endpoint) or <c>11</c> (required by every recipient). Types with
    /// <c>00</c> or <c>01</c> are skipped when unknown.
    /// </summary>
    /// <param name="type">The raw type octet.</param>
    /// <returns><see langword="true"/> when an unknown header of this type makes the packet undeliverable.</returns>
    public static bool RequiresComprehension(byte type) => (type & 0x80) != 0;

    /// <summary>Whether PrecisionCloud parses this type (and so comprehends it).</summary>
    /// <param name="type">The raw type octet.</param>
    /// <returns><see langword="true"/> for the types of <see cref="GtpExtensionHeaderType"/> other than the RAN containers.</returns>
    public static bool IsSupported(byte type) => (GtpExtensionHeaderType)type is
        GtpExtensionHeaderType.PduSessionContainer or GtpExtensionHeaderType.UdpPort or GtpExtensionHeaderType.PdcpPduNumber
        or GtpExtensionHeaderType.LongPdcpPduNumber or GtpExtensionHeaderType.LongPdcpPduNumberOptional
        or GtpExtensionHeaderType.ServiceClassIndicator;
}
