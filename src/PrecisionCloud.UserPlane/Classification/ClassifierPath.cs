namespace PrecisionCloud.UserPlane.Classification;

/// <summary>The code path a <see cref="PacketClassifier"/> matches with.</summary>
public enum ClassifierPath
{
    /// <summary>Every rule compared in turn: the reference the other paths are tested against, and the baseline.</summary>
    Scalar,

    /// <summary>Bit-vector search, ANDing 64 rules per step in general-purpose registers (no SIMD needed).</summary>
    Words64,

    /// <summary>Bit-vector search, 128 rules per step.</summary>
    Vector128,

    /// <summary>Bit-vector search, 256 rules per step.</summary>
    Vector256,

    /// <summary>Bit-vector search, 512 rules per step.</summary>
    Vector512,
}
