namespace PrecisionCloud.UserPlane.Classification;

/// <summary>The code path a <see cref="PacketClassifier"/> matches with.</summary>
public enum ClassifierPath
{
    /// <summary>One rule at a time; the reference the vector paths are tested against.</summary>
    Scalar,

    /// <summary>4 IPv4 rules (2 IPv6) per step.</summary>
    Vector128,

    /// <summary>8 IPv4 rules (4 IPv6) per step.</summary>
    Vector256,

    /// <summary>16 IPv4 rules (8 IPv6) per step.</summary>
    Vector512,
}
