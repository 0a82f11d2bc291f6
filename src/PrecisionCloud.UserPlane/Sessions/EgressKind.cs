namespace PrecisionCloud.UserPlane.Sessions;

/// <summary>Where a compiled FAR sends packets.</summary>
internal enum EgressKind : byte
{
    Drop,
    Buffer,

    /// <summary>Out of an N6 port, as a plain IP packet.</summary>
    N6,

    /// <summary>Into a GTP-U tunnel (N3 toward the gNB, N9 toward another UPF).</summary>
    Tunnel,
}
