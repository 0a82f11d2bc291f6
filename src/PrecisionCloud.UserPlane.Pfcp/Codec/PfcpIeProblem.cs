namespace PrecisionCloud.UserPlane.Pfcp.Codec;

/// <summary>
/// Why a request is rejected for one of its IEs: the Cause to answer with and the Offending IE to name
/// (3GPP TS 29.244 §7.2.3.3: missing mandatory or conditional IE, invalid length, mandatory IE incorrect).
/// </summary>
/// <param name="Cause">The cause.</param>
/// <param name="OffendingIe">The IE type at fault.</param>
public readonly record struct PfcpIeProblem(PfcpCause Cause, PfcpIeType OffendingIe)
{
    /// <summary>A mandatory IE is absent.</summary>
    /// <param name="type">The IE.</param>
    /// <returns>The problem.</returns>
    public static PfcpIeProblem Missing(PfcpIeType type) => new(PfcpCause.MandatoryIeMissing, type);

    /// <summary>A mandatory IE's value cannot be read.</summary>
    /// <param name="type">The IE.</param>
    /// <returns>The problem.</returns>
    public static PfcpIeProblem Incorrect(PfcpIeType type) => new(PfcpCause.MandatoryIeIncorrect, type);

    /// <summary>An IE is shorter than its type needs.</summary>
    /// <param name="type">The IE.</param>
    /// <returns>The problem.</returns>
    public static PfcpIeProblem InvalidLength(PfcpIeType type) => new(PfcpCause.InvalidLength, type);
}
