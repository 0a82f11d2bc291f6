using System.Text;

namespace PrecisionCloud.UserPlane.Pfcp.InformationElements;

/// <summary>
/// Domain names as length-prefixed labels (RFC 1035 §3.1), as PFCP encodes FQDNs and, from some SMFs, Network
/// Instances and DNNs. A trailing zero-length root label is accepted and not written.
/// </summary>
internal static class DnsLabels
{
    public static int EncodedLength(string name) => Encoding.ASCII.GetByteCount(name) + 1;

    public static void Encode(string name, Span<byte> destination)
    {
        // Label by label over the name itself: FQDN Node IDs are written into every answer, so no split arrays.
        var at = 0;
        var rest = name.AsSpan();
        while (true)
        {
            var dot = rest.IndexOf('.');
            var label = dot < 0 ? rest : rest[..dot];
            destination[at] = (byte)label.Length;
            at += 1 + Encoding.ASCII.GetBytes(label, destination[(at + 1)..]);
            if (dot < 0)
            {
                return;
            }

            rest = rest[(dot + 1)..];
        }
    }

    /// <summary>Decodes labels; <see langword="false"/> when a label runs past the end, is empty mid-name, or is not printable ASCII.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> encoded, out string name)
    {
        Span<char> chars = stackalloc char[Math.Min(encoded.Length, 1024)];
        var ok = TryDecode(encoded, chars, out var written);
        name = ok ? new string(chars[..written]) : string.Empty;
        return ok;
    }

    /// <summary>Decodes labels into <paramref name="destination"/> (as long as <paramref name="encoded"/> suffices) without allocating.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> encoded, Span<char> destination, out int written)
    {
        written = 0;
        if (encoded.IsEmpty || destination.Length < encoded.Length)
        {
            return false;
        }

        var at = 0;
        while (at < encoded.Length)
        {
            var length = encoded[at];
            if (length == 0)
            {
                if (at != encoded.Length - 1)
                {
                    return false;
                }

                break;
            }

            if (length > 63 || at + 1 + length > encoded.Length)
            {
                return false;
            }

            if (written > 0)
            {
                destination[written++] = '.';
            }

            foreach (var octet in encoded.Slice(at + 1, length))
            {
                if (octet is < 0x21 or > 0x7E or (byte)'.')
                {
                    return false;
                }

                destination[written++] = (char)octet;
            }

            at += 1 + length;
        }

        return written > 0;
    }

    /// <summary>
    /// Reads a name that one peer writes as labels (Open5GS) and another as plain text (free5GC): labels when the
    /// octets parse as labels that cover the whole value (a text name cannot: its first octet is a printable
    /// character, which as a label length would run past the end or leave octets over), otherwise the text.
    /// </summary>
    public static string DecodeLabelsOrText(ReadOnlySpan<byte> value) =>
        TryDecode(value, out var name) ? name : Encoding.ASCII.GetString(value);

    /// <summary>As <see cref="DecodeLabelsOrText(ReadOnlySpan{byte})"/>, into a span at least as long as the value; returns the characters written.</summary>
    public static int DecodeLabelsOrText(ReadOnlySpan<byte> value, Span<char> destination) =>
        TryDecode(value, destination, out var written) ? written : Encoding.ASCII.GetChars(value, destination);
}
