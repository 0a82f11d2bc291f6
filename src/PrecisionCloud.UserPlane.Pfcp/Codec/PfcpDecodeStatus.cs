namespace PrecisionCloud.UserPlane.Pfcp.Codec;

/// <summary>Why bytes could not be read as a PFCP message or IE; <see cref="Ok"/> when they could.</summary>
public enum PfcpDecodeStatus : byte
{
    /// <summary>Read.</summary>
    Ok = 0,

    /// <summary>Fewer octets than the header needs.</summary>
    TooShort,

    /// <summary>A version other than 1: answered with Version Not Supported Response.</summary>
    UnsupportedVersion,

    /// <summary>The header's length does not fit the datagram.</summary>
    LengthMismatch,

    /// <summary>An IE's header or value runs past the end of its message or grouped IE.</summary>
    IeTruncated,
}
