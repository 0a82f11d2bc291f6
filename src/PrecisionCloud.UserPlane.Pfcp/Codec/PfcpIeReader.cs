using System.Buffers.Binary;

namespace PrecisionCloud.UserPlane.Pfcp.Codec;

/// <summary>
/// Walks the IEs of a message body or of a grouped IE, in wire order (which is arbitrary: readers look IEs up by
/// type, not by position). Vendor IEs are returned too, with their enterprise ID, for the caller to skip. Never reads
/// outside its span and never throws: a truncated IE ends the walk with <see cref="Status"/> set.
/// </summary>
public ref struct PfcpIeReader
{
    private const int IeHeaderLength = 4;
    private ReadOnlySpan<byte> _rest;

    /// <summary>Starts a walk over <paramref name="ies"/>.</summary>
    /// <param name="ies">The octets of consecutive IEs.</param>
    public PfcpIeReader(ReadOnlySpan<byte> ies)
    {
        _rest = ies;
        Current = default;
        Status = PfcpDecodeStatus.Ok;
    }

    /// <summary>The IE the last <see cref="MoveNext"/> stopped on.</summary>
    public PfcpIe Current { get; private set; }

    /// <summary><see cref="PfcpDecodeStatus.Ok"/> unless the walk stopped at a truncated IE.</summary>
    public PfcpDecodeStatus Status { get; private set; }

    /// <summary>The type of the IE the walk stopped at when it was truncated.</summary>
    public ushort TruncatedType { get; private set; }

    /// <summary>Enables <c>foreach</c>.</summary>
    /// <returns>This reader.</returns>
    public readonly PfcpIeReader GetEnumerator() => this;

    /// <summary>Moves to the next IE.</summary>
    /// <returns><see langword="false"/> at the end, or at a truncated IE (see <see cref="Status"/>).</returns>
    public bool MoveNext()
    {
        if (_rest.IsEmpty)
        {
            return false;
        }

        if (_rest.Length < IeHeaderLength)
        {
            return Truncated(_rest.Length >= 2 ? BinaryPrimitives.ReadUInt16BigEndian(_rest) : (ushort)0);
        }

        var type = BinaryPrimitives.ReadUInt16BigEndian(_rest);
        var length = BinaryPrimitives.ReadUInt16BigEndian(_rest[2..]);
        if (IeHeaderLength + length > _rest.Length)
        {
            return Truncated(type);
        }

        var value = _rest.Slice(IeHeaderLength, length);
        ushort enterprise = 0;
        if (type >= 0x8000)
        {
            if (length < 2)
            {
                return Truncated(type);
            }

            enterprise = BinaryPrimitives.ReadUInt16BigEndian(value);
            value = value[2..];
        }

        Current = new PfcpIe(type, enterprise, value);
        _rest = _rest[(IeHeaderLength + length)..];
        return true;
    }

    /// <summary>Finds the first IE of a type among the rest (from where the walk is), without moving this reader.</summary>
    /// <param name="type">The IE type.</param>
    /// <param name="ie">The IE found.</param>
    /// <returns>Whether one was found.</returns>
    public readonly bool TryFind(PfcpIeType type, out PfcpIe ie)
    {
        var copy = this;
        while (copy.MoveNext())
        {
            if (copy.Current.Type == (ushort)type)
            {
                ie = copy.Current;
                return true;
            }
        }

        ie = default;
        return false;
    }

    private bool Truncated(ushort type)
    {
        Status = PfcpDecodeStatus.IeTruncated;
        TruncatedType = type;
        _rest = default;
        return false;
    }
}
