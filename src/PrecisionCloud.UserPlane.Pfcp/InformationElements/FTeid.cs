using System.Buffers.Binary;
using PrecisionCloud.UserPlane.Packets;
using PrecisionCloud.UserPlane.Pfcp.Codec;

namespace PrecisionCloud.UserPlane.Pfcp.InformationElements;

/// <summary>
/// A fully qualified TEID (3GPP TS 29.244 §8.2.3): a GTP-U tunnel endpoint and its address, or, with CHOOSE (CH), a
/// request that the user plane pick them; PDRs that send the same CHOOSE ID must get the same F-TEID.
/// </summary>
/// <param name="Teid">The TEID (absent with CHOOSE).</param>
/// <param name="IPv4">The IPv4 address, or with CHOOSE whether one is wanted (any value).</param>
/// <param name="IPv6">The IPv6 address, or with CHOOSE whether one is wanted (any value).</param>
/// <param name="Choose">CH: the user plane allocates.</param>
/// <param name="ChooseId">CHID: PDRs with the same CHOOSE ID share the allocation.</param>
public readonly record struct FTeid(uint Teid, InetAddress? IPv4, InetAddress? IPv6, bool Choose = false, byte? ChooseId = null)
{
    private const byte V4 = 0x01, V6 = 0x02, Ch = 0x04, ChId = 0x08;
    private static readonly InetAddress AnyIPv6 = InetAddress.Parse("::");

    /// <summary>A CHOOSE request for an IPv4 tunnel endpoint.</summary>
    /// <param name="chooseId">The CHOOSE ID, if the SMF sends one.</param>
    /// <returns>The F-TEID.</returns>
    public static FTeid ChooseIPv4(byte? chooseId = null) => new(0, default(InetAddress), null, Choose: true, chooseId);

    /// <summary>A TEID at one address, IPv4 or IPv6 as the address is.</summary>
    /// <param name="teid">The TEID.</param>
    /// <param name="address">The address.</param>
    /// <returns>The F-TEID.</returns>
    public static FTeid FromAddress(uint teid, InetAddress address) => new(teid, address.IsIPv6 ? null : address, address.IsIPv6 ? address : null);

    /// <summary>Reads an F-TEID IE's value.</summary>
    /// <param name="value">The value octets.</param>
    /// <param name="fteid">The F-TEID.</param>
    /// <returns><see langword="false"/> when the value is shorter than its flags need, or names no address family.</returns>
    public static bool TryRead(ReadOnlySpan<byte> value, out FTeid fteid)
    {
        fteid = default;
        if (value.IsEmpty)
        {
            return false;
        }

        var flags = value[0];
        var at = 1;
        if ((flags & (V4 | V6)) == 0)
        {
            return false;
        }

        if ((flags & Ch) != 0)
        {
            byte? chooseId = null;
            if ((flags & ChId) != 0)
            {
                if (value.Length < 2)
                {
                    return false;
                }

                chooseId = value[1];
            }

            fteid = new FTeid(0, (flags & V4) != 0 ? default(InetAddress) : null, (flags & V6) != 0 ? AnyIPv6 : null, Choose: true, chooseId);
            return true;
        }

        var needed = 1 + 4 + ((flags & V4) != 0 ? 4 : 0) + ((flags & V6) != 0 ? 16 : 0);
        if (value.Length < needed)
        {
            return false;
        }

        var teid = BinaryPrimitives.ReadUInt32BigEndian(value[at..]);
        at += 4;
        InetAddress? v4 = null, v6 = null;
        if ((flags & V4) != 0)
        {
            v4 = InetAddress.FromIPv4(BinaryPrimitives.ReadUInt32BigEndian(value[at..]));
            at += 4;
        }

        if ((flags & V6) != 0 && InetAddress.TryRead(value.Slice(at, 16), out var address))
        {
            v6 = address;
        }

        fteid = new FTeid(teid, v4, v6);
        return true;
    }

    /// <summary>Writes the F-TEID as an IE (an allocated one: TEID and addresses).</summary>
    /// <param name="writer">The writer.</param>
    public void Write(ref PfcpWriter writer)
    {
        if (Choose)
        {
            var choose = writer.ReserveIe(PfcpIeType.FTeid, ChooseId is null ? 1 : 2);
            if (!choose.IsEmpty)
            {
                choose[0] = (byte)((IPv4 is null ? 0 : V4) | (IPv6 is null ? 0 : V6) | Ch | (ChooseId is null ? 0 : ChId));
                if (ChooseId is { } id)
                {
                    choose[1] = id;
                }
            }

            return;
        }

        var value = writer.ReserveIe(PfcpIeType.FTeid, 5 + (IPv4 is null ? 0 : 4) + (IPv6 is null ? 0 : 16));
        if (value.IsEmpty)
        {
            return;
        }

        value[0] = (byte)((IPv4 is null ? 0 : V4) | (IPv6 is null ? 0 : V6));
        BinaryPrimitives.WriteUInt32BigEndian(value[1..], Teid);
        var at = 5;
        if (IPv4 is { } v4)
        {
            v4.TryWrite(value[at..]);
            at += 4;
        }

        IPv6?.TryWrite(value[at..]);
    }
}
