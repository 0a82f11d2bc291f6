using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PrecisionCloud.UserPlane.Gtp;
using PrecisionCloud.UserPlane.Packets;

namespace PrecisionCloud.UserPlane.Tests.Gtp;

/// <summary>Random and mutated bytes: the readers never throw and whatever they accept is self-consistent.</summary>
public sealed class GtpRobustnessTests
{
    private static readonly byte[][] Seeds =
    [
        Convert.FromHexString("34FF000C000000010000008501100900CAFEBABE"),
        Convert.FromHexString("34FF00140000000900000040010868C00101020101AABB2001330000"),
        Convert.FromHexString("3202000600000000000100000E05"),
        Convert.FromHexString("361A00140000000000010040010868001000ABCDEF8500040A000001"),
        Convert.FromHexString("34FF000C00000002000000850200C5A000000000"),
    ];

    [Property(MaxTest = 5000)]
    public bool Random_bytes_never_throw(byte[] bytes) => Consistent(bytes);

    [Property(MaxTest = 20000)]
    public Property Mutated_messages_never_throw()
    {
        var mutations =
            from seed in Gen.Elements(Seeds)
            from count in Gen.Choose(1, 4)
            from edits in (from position in Gen.Choose(0, 63) from value in Gen.Choose(0, 255) select (position, value)).ArrayOf(count)
            from cut in Gen.Choose(0, 64)
            select Mutate(seed, edits, cut);
        return Prop.ForAll(mutations.ToArbitrary(), Consistent);
    }

    private static byte[] Mutate(byte[] seed, (int Position, int Value)[] edits, int cut)
    {
        var bytes = (byte[])seed.Clone();
        foreach (var (position, value) in edits)
        {
            bytes[position % bytes.Length] = (byte)value;
        }

        return bytes[..Math.Min(bytes.Length, cut)];
    }

    private static bool Consistent(byte[] bytes)
    {
        var reason = GtpReader.TryRead(bytes, out var packet);
        if (reason != DropReason.None)
        {
            return Enum.IsDefined(reason);
        }

        var payload = bytes.AsSpan(packet.PayloadOffset, packet.PayloadLength);
        _ = GtpSignalling.TryReadRecovery(payload, out _);
        _ = GtpSignalling.TryReadErrorIndication(payload, out _, out _);
        _ = GtpSignalling.TryReadSupportedExtensionHeaders(payload, stackalloc byte[8], out _);
        _ = InnerPacketReader.TryReadFiveTuple(payload, out _);
        return packet.PayloadOffset >= GtpReader.MandatoryHeaderLength
            && packet.PayloadOffset + packet.PayloadLength == GtpReader.MandatoryHeaderLength + packet.Length
            && packet.PayloadOffset + packet.PayloadLength <= bytes.Length
            && packet.PduSessionContainer.Qfi <= PduSessionContainer.MaxQfi;
    }
}
