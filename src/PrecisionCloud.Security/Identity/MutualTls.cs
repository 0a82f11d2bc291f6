using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace PrecisionCloud.Security.Identity;

/// <summary>
/// Mutual TLS in one line for Kestrel (server), HttpClient and gRPC channels (client): each side presents its
/// current workload identity and accepts the other only if its certificate chains to the trust bundle, is valid now,
/// is not revoked and names a SPIFFE ID. TLS 1.2 and 1.3 only. Names in certificates are not what is checked: the
/// SPIFFE ID is the identity, and authorization decides what it may do.
/// </summary>
public static class MutualTls
{
    private const string PeerIdentityKey = "PrecisionCloud.Security.PeerIdentity";

    /// <summary>Serves HTTPS on this endpoint with the workload's identity and requires a client identity from the trust bundle.</summary>
    /// <param name="listen">The Kestrel endpoint.</param>
    /// <param name="identity">This workload's identity and trust bundle.</param>
    /// <returns>The endpoint, for chaining.</returns>
    public static ListenOptions UseMutualTls(this ListenOptions listen, IWorkloadIdentitySource identity)
    {
        ArgumentNullException.ThrowIfNull(listen);
        ArgumentNullException.ThrowIfNull(identity);
        return listen.UseHttps(https => Configure(https, identity));
    }

    /// <summary>Sets Kestrel's HTTPS options for mutual TLS with the workload's identity.</summary>
    /// <param name="https">The HTTPS options.</param>
    /// <param name="identity">This workload's identity and trust bundle.</param>
    public static void Configure(HttpsConnectionAdapterOptions https, IWorkloadIdentitySource identity)
    {
        ArgumentNullException.ThrowIfNull(https);
        ArgumentNullException.ThrowIfNull(identity);
        https.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
        https.ServerCertificateSelector = (_, _) => identity.Current.Certificate;
        https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
        https.CheckCertificateRevocation = false;
        https.ClientCertificateValidation = (certificate, _, _) => identity.TrustBundle.Validate(certificate, CertificateUsage.Client).IsValid;
    }

    /// <summary>
    /// A handler for HttpClient or a gRPC channel (<c>GrpcChannelOptions.HttpHandler</c>) that presents the workload's
    /// current identity and accepts a server only from the trust bundle (and, when given, only the server identities
    /// <paramref name="acceptServer"/> approves). Pooled connections are replaced hourly, so renewed identities are used.
    /// </summary>
    /// <param name="identity">This workload's identity and trust bundle.</param>
    /// <param name="acceptServer">Which server identities to talk to; any from the trust bundle when not given.</param>
    /// <returns>The handler; the caller owns it.</returns>
    public static SocketsHttpHandler CreateHandler(IWorkloadIdentitySource identity, Func<SpiffeId, bool>? acceptServer = null)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromHours(1),
            SslOptions = new SslClientAuthenticationOptions
            {
                EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
                LocalCertificateSelectionCallback = (_, _, _, _, _) => identity.Current.Certificate,
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                    certificate is X509Certificate2 presented
                    && identity.TrustBundle.Validate(presented, CertificateUsage.Server) is { Id: { } server }
                    && (acceptServer?.Invoke(server) ?? true),
            },
        };
    }

    /// <summary>The identity of the client on this request's connection (validated in the handshake), or none.</summary>
    /// <param name="context">The request.</param>
    /// <returns>The client's SPIFFE ID, or none when it presented no valid identity.</returns>
    public static SpiffeId? GetPeerIdentity(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items.TryGetValue(PeerIdentityKey, out var known))
        {
            return known as SpiffeId;
        }

        var id = context.Connection.ClientCertificate is { } certificate ? X509Svid.LeafIdentity(certificate).Id : null;
        context.Items[PeerIdentityKey] = id;
        return id;
    }
}
