namespace PrecisionCloud.UserPlane.Pfcp.InformationElements;

/// <summary>
/// User ID (3GPP TS 29.244 §8.2.101): who the session is for. The IMSI, IMEI and MSISDN are TBCD digits, the NAI
/// text; each one is present only when its flag is.
/// </summary>
/// <param name="Imsi">The IMSI (the SUPI of 5G), when sent.</param>
/// <param name="Imei">The IMEI, when sent.</param>
/// <param name="Msisdn">The MSISDN, when sent.</param>
/// <param name="Nai">The network access identifier, when sent.</param>
public sealed record UserId(string? Imsi, string? Imei, string? Msisdn, string? Nai)
{
    /// <summary>Reads the IE's value: the flags octet, then a length and value for each flag set, in flag order.</summary>
    /// <param name="value">The value.</param>
    /// <param name="userId">The identities.</param>
    /// <returns>Whether it was read.</returns>
    public static bool TryRead(ReadOnlySpan<byte> value, out UserId? userId)
    {
        userId = null;
        if (value.IsEmpty)
        {
            return false;
        }

        var flags = value[0];
        var rest = value[1..];
        var fields = new string?[4];
        for (var bit = 0; bit < 4; bit++)
        {
            if ((flags & (1 << bit)) == 0)
            {
                continue;
            }

            if (rest.IsEmpty || rest.Length < 1 + rest[0])
            {
                return false;
            }

            var field = rest.Slice(1, rest[0]);
            fields[bit] = bit == 3 ? System.Text.Encoding.UTF8.GetString(field) : Tbcd(field);
            rest = rest[(1 + field.Length)..];
        }

        userId = new UserId(fields[0], fields[1], fields[2], fields[3]);
        return true;
    }

    /// <summary>Writes the identities as a User ID IE.</summary>
    internal void Write(ref Codec.PfcpWriter writer)
    {
        string?[] fields = [Imsi, Imei, Msisdn, Nai];
        var length = 1;
        foreach (var (field, bit) in fields.Select((f, i) => (f, i)))
        {
            length += field is null ? 0 : 1 + (bit == 3 ? System.Text.Encoding.UTF8.GetByteCount(field) : (field.Length + 1) / 2);
        }

        var value = writer.ReserveIe(Codec.PfcpIeType.UserId, length);
        if (value.IsEmpty)
        {
            return;
        }

        value[0] = 0;
        var at = 1;
        for (var bit = 0; bit < fields.Length; bit++)
        {
            if (fields[bit] is not { } field)
            {
                continue;
            }

            value[0] |= (byte)(1 << bit);
            var octets = bit == 3 ? System.Text.Encoding.UTF8.GetBytes(field) : ToTbcd(field);
            value[at] = (byte)octets.Length;
            octets.CopyTo(value[(at + 1)..]);
            at += 1 + octets.Length;
        }
    }

    private static byte[] ToTbcd(string digits)
    {
        var octets = new byte[(digits.Length + 1) / 2];
        for (var i = 0; i < octets.Length; i++)
        {
            var low = digits[2 * i] - '0';
            var high = 2 * i + 1 < digits.Length ? digits[(2 * i) + 1] - '0' : 0x0F;
            octets[i] = (byte)(high << 4 | low);
        }

        return octets;
    }

    /// <summary>TBCD (3GPP TS 29.274 §8.3): two digits per octet, low nibble first, 0xF pads the last.</summary>
    private static string Tbcd(ReadOnlySpan<byte> octets)
    {
        Span<char> digits = stackalloc char[octets.Length * 2];
        var count = 0;
        foreach (var octet in octets)
        {
            foreach (var nibble in (ReadOnlySpan<int>)[octet & 0x0F, octet >> 4])
            {
                if (nibble <= 9)
                {
                    digits[count++] = (char)('0' + nibble);
                }
            }
        }

        return new string(digits[..count]);
    }
}
