namespace PrecisionCloud.UserPlane.Pfcp.InformationElements;

/// <summary>Feature bitmaps of any length (1 to 8 octets, first octet lowest bits) as used by the function features IEs.</summary>
internal static class FeatureBits
{
    public static ulong Read(ReadOnlySpan<byte> value)
    {
        ulong bits = 0;
        for (var i = 0; i < Math.Min(value.Length, 8); i++)
        {
            bits |= (ulong)value[i] << (8 * i);
        }

        return bits;
    }

    /// <summary>The octets needed for the bits, at least <paramref name="minimum"/>.</summary>
    public static int Length(ulong bits, int minimum)
    {
        var length = minimum;
        while (length < 8 && bits >> (8 * length) != 0)
        {
            length++;
        }

        return length;
    }

    public static void Write(ulong bits, Span<byte> destination)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = (byte)(bits >> (8 * i));
        }
    }
}
