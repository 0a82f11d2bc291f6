using System.Formats.Asn1;
using System.Security.Cryptography.X509Certificates;

namespace PrecisionCloud.Security.Identity;

/// <summary>
/// Reads and checks the SPIFFE parts of an X.509 certificate (the X.509-SVID rules): exactly one URI SAN that is a
/// SPIFFE ID; a leaf is not a CA, may sign (digitalSignature) and may not sign certificates or CRLs.
/// </summary>
internal static class X509Svid
{
    private const string SubjectAlternativeNameOid = "2.5.29.17";
    private static readonly Asn1Tag UriTag = new(TagClass.ContextSpecific, 6);

    /// <summary>The URIs of the certificate's subject alternative names.</summary>
    public static List<string> Uris(X509Certificate2 certificate)
    {
        List<string> uris = [];
        if (certificate.Extensions[SubjectAlternativeNameOid] is not { } extension)
        {
            return uris;
        }

        var names = new AsnReader(extension.RawData, AsnEncodingRules.DER).ReadSequence();
        while (names.HasData)
        {
            if (names.PeekTag() == UriTag)
            {
                uris.Add(names.ReadCharacterString(UniversalTagNumber.IA5String, UriTag));
            }
            else
            {
                names.ReadEncodedValue();
            }
        }

        return uris;
    }

    /// <summary>The certificate's SPIFFE ID, or why it has none or may not be a leaf identity.</summary>
    public static IdentityValidation LeafIdentity(X509Certificate2 certificate)
    {
        if (certificate.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault() is { CertificateAuthority: true })
        {
            return new IdentityValidation(null, "it is a CA certificate, not an identity");
        }

        List<string> uris;
        try
        {
            uris = Uris(certificate);
        }
        catch (AsnContentException exception)
        {
            return new IdentityValidation(null, $"its subject alternative names cannot be read ({exception.Message})");
        }

        if (uris.Count != 1)
        {
            return new IdentityValidation(null, $"it has {uris.Count} URI subject alternative names where an identity has exactly one");
        }

        if (!SpiffeId.TryParse(uris[0], out var id, out var error))
        {
            return new IdentityValidation(null, $"its URI '{uris[0]}' is not a SPIFFE ID: {error}");
        }

        var usage = certificate.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault()?.KeyUsages;
        if (usage is not { } flags || (flags & X509KeyUsageFlags.DigitalSignature) == 0 || (flags & (X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign)) != 0)
        {
            return new IdentityValidation(null, "its key usage must allow digitalSignature and not keyCertSign or cRLSign");
        }

        return new IdentityValidation(id, null);
    }
}
