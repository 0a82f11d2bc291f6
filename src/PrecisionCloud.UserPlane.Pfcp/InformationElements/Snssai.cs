using System.Buffers.Binary;

namespace PrecisionCloud.UserPlane.Pfcp.InformationElements;

/// <summary>S-NSSAI (3GPP TS 29.244 §8.2.142): the slice a session belongs to.</summary>
/// <param name="Sst">The slice/service type.</param>
/// <param name="Sd">The slice differentiator (24 bits), when sent.</param>
public readonly record struct Snssai(byte Sst, uint? Sd)
{
    /// <summary>Reads the IE's value: SST, then an optional 3-octet SD.</summary>
    /// <param name="value">The value.</param>
    /// <param name="snssai">The slice.</param>
    /// <returns>Whether it was read.</returns>
    public static bool TryRead(ReadOnlySpan<byte> value, out Snssai snssai)
    {
        snssai = default;
        if (value.IsEmpty || value.Length is 2 or 3)
        {
            return false;
        }

        snssai = new Snssai(value[0], value.Length >= 4 ? (uint)(value[1] << 16 | BinaryPrimitives.ReadUInt16BigEndian(value[2..])) : null);
        return true;
    }

    /// <summary>Writes the slice as an S-NSSAI IE.</summary>
    internal void Write(ref Codec.PfcpWriter writer)
    {
        var value = writer.ReserveIe(Codec.PfcpIeType.Snssai, Sd is null ? 1 : 4);
        if (value.IsEmpty)
        {
            return;
        }

        value[0] = Sst;
        if (Sd is { } sd)
        {
            (value[1], value[2], value[3]) = ((byte)(sd >> 16), (byte)(sd >> 8), (byte)sd);
        }
    }
}
