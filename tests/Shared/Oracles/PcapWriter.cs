using System.Buffers.Binary;
using PrecisionCloud.UserPlane.Packets;

namespace PrecisionCloud.Tests.Oracles;

/// <summary>
/// Writes datagrams into a classic pcap file (LINKTYPE_RAW: each record is an IPv4 packet) wrapped in IPv4 and
/// UDP headers, so independent dissectors such as tshark read them as they would a capture.
/// </summary>
internal sealed class PcapWriter : IDisposable
{
    private const uint LinkTypeRaw = 101;
    private readonly FileStream _file;
    private uint _seconds = 1_700_000_000;

    public PcapWriter(string path)
    {
        _file = File.Create(path);
        Span<byte> header = stackalloc byte[24];
        BinaryPrimitives.WriteUInt32LittleEndian(header, 0xA1B2C3D4);
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(header[6..], 4);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], 65535);
        BinaryPrimitives.WriteUInt32LittleEndian(header[20..], LinkTypeRaw);
        _file.Write(header);
    }

    public void WriteUdp(uint source, uint destination, ushort sourcePort, ushort destinationPort, ReadOnlySpan<byte> payload)
    {
        var packet = new byte[20 + 8 + payload.Length];
        packet[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), (ushort)packet.Length);
        packet[8] = 64;
        packet[9] = IpProtocol.Udp;
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(12), source);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(16), destination);
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(10), Ipv4Checksum.Compute(packet.AsSpan(0, 20)));
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(20), sourcePort);
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(22), destinationPort);
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(24), (ushort)(8 + payload.Length));
        payload.CopyTo(packet.AsSpan(28));
        WriteRecord(packet);
    }

    public void WriteRecord(ReadOnlySpan<byte> packet)
    {
        Span<byte> record = stackalloc byte[16];
        BinaryPrimitives.WriteUInt32LittleEndian(record, _seconds++);
        BinaryPrimitives.WriteUInt32LittleEndian(record[8..], (uint)packet.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(record[12..], (uint)packet.Length);
        _file.Write(record);
        _file.Write(packet);
    }

    public void Dispose() => _file.Dispose();
}
