using PrecisionCloud.UserPlane.Packets;

namespace PrecisionCloud.UserPlane.Classification;

/// <summary>Prefix masks for IPv4 and IPv6 addresses.</summary>
internal static class InetAddressMath
{
    public static uint IPv4Mask(int prefixLength) => prefixLength == 0 ? 0u : uint.MaxValue << (32 - prefixLength);

    public static UInt128 IPv6Mask(int prefixLength) => prefixLength == 0 ? UInt128.Zero : UInt128.MaxValue << (128 - prefixLength);

    public static InetAddress IPv6(UInt128 value)
    {
        Span<byte> octets = stackalloc byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt128BigEndian(octets, value);
        InetAddress.TryRead(octets, out var address);
        return address;
    }
}
