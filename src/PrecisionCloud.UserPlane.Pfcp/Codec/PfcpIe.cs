namespace PrecisionCloud.UserPlane.Pfcp.Codec;

/// <summary>
/// One information element as it lies in a message (3GPP TS 29.244 §8.1.1): its type, the enterprise ID of a
/// vendor-specific IE (types from 32768), and its value octets (for a grouped IE, the IEs inside).
/// </summary>
public readonly ref struct PfcpIe
{
    /// <summary>Creates the view.</summary>
    /// <param name="type">The IE type.</param>
    /// <param name="enterpriseId">The enterprise ID of a vendor IE, otherwise 0.</param>
    /// <param name="value">The value octets.</param>
    public PfcpIe(ushort type, ushort enterpriseId, ReadOnlySpan<byte> value)
    {
        Type = type;
        EnterpriseId = enterpriseId;
        Value = value;
    }

    /// <summary>The IE type as on the wire.</summary>
    public ushort Type { get; }

    /// <summary>The type as a known <see cref="PfcpIeType"/> (an undefined value for others).</summary>
    public PfcpIeType KnownType => (PfcpIeType)Type;

    /// <summary>Whether the IE is vendor-specific (type bit 16 set, an enterprise ID follows the length).</summary>
    public bool IsEnterprise => Type >= 0x8000;

    /// <summary>The enterprise ID of a vendor IE.</summary>
    public ushort EnterpriseId { get; }

    /// <summary>The value octets.</summary>
    public ReadOnlySpan<byte> Value { get; }

    /// <summary>The IEs inside a grouped IE.</summary>
    /// <returns>A reader over the value.</returns>
    public PfcpIeReader Children() => new(Value);
}
