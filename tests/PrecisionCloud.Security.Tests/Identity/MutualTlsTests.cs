using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PrecisionCloud.Security.Identity;
using PrecisionCloud.Security.Sealing;
using PrecisionCloud.Tests.Oracles;

namespace PrecisionCloud.Security.Tests.Identity;

#pragma warning disable CA1001 // disposed by IAsyncLifetime.DisposeAsync, as xunit does for fixtures that start servers
public sealed class MutualTlsTests : IAsyncLifetime
#pragma warning restore CA1001
{
    private readonly TemporaryDirectory _directory = new();
    private SecretSealer _sealer = null!;
    private SiteCertificateAuthority _ca = null!;
    private CertificateAuthorityIdentitySource _server = null!;
    private CertificateAuthorityIdentitySource _client = null!;
    private WebApplication _app = null!;
    private string _url = null!;

    public async Task InitializeAsync()
    {
        _sealer = new SecretSealer(new SealingOptions { RootKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), KeyDirectory = _directory.Combine("keys") });
        _ca = await SiteCertificateAuthority.OpenAsync(new CertificateAuthorityOptions { TrustDomain = "operator.example", Site = "edge-1", Directory = _directory.Combine("ca") }, _sealer);
        _server = new CertificateAuthorityIdentitySource(_ca, ca => ca.Issue(SpiffeId.ForWorkload("operator.example", "edge-1", "service", "mep"), ["localhost"], [IPAddress.Loopback]));
        _client = new CertificateAuthorityIdentitySource(_ca, ca => ca.Issue("app", "video-analytics"));

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseMutualTls(_server)));
        _app = builder.Build();
        _app.MapGet("/whoami", (HttpContext context) => context.GetPeerIdentity()?.ToString() ?? "nobody");
        _app.MapPost("/edge.Echo/Who", EchoPeerOverGrpcAsync);
        await _app.StartAsync();
        _url = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        await File.WriteAllTextAsync(_directory.Combine("bundle.pem"), _ca.TrustBundle.ExportPem());
        await WritePemAsync(_client.Current, "client");
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _server.Dispose();
        _client.Dispose();
        _ca.Dispose();
        _sealer.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public async Task Our_client_and_server_authenticate_each_other_and_the_server_sees_the_client_identity()
    {
        using var http = new HttpClient(MutualTls.CreateHandler(_client, server => server.Name == "mep"));

        Assert.Equal("spiffe://operator.example/site/edge-1/app/video-analytics", await http.GetStringAsync(new Uri(_url + "/whoami")));
    }

    [Fact]
    public async Task A_client_refuses_a_server_whose_identity_it_does_not_want()
    {
        using var http = new HttpClient(MutualTls.CreateHandler(_client, server => server.Name == "location"));

        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetStringAsync(new Uri(_url + "/whoami")));
    }

    [Fact]
    public async Task Curl_with_a_site_identity_gets_through_and_the_server_verifies_against_the_bundle()
    {
        var result = await ExternalTool.RunCurlAsync("-sS", "--cacert", _directory.Combine("bundle.pem"), "--cert", _directory.Combine("client.pem"), "--key", _directory.Combine("client-key.pem"), _url + "/whoami");

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Equal("spiffe://operator.example/site/edge-1/app/video-analytics", result.Output.Trim());
    }

    [Fact]
    public async Task Curl_without_a_client_certificate_or_with_one_from_another_ca_is_refused()
    {
        var without = await ExternalTool.RunCurlAsync("-sS", "--cacert", _directory.Combine("bundle.pem"), _url + "/whoami");
        Assert.NotEqual(0, without.ExitCode);

        using var otherSealer = new SecretSealer(new SealingOptions { RootKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), KeyDirectory = _directory.Combine("other-keys") });
        using var other = await SiteCertificateAuthority.OpenAsync(new CertificateAuthorityOptions { TrustDomain = "operator.example", Site = "edge-1", Directory = _directory.Combine("other-ca") }, otherSealer);
        using var stranger = other.Issue("app", "video-analytics");
        await WritePemAsync(stranger, "stranger");
        var foreign = await ExternalTool.RunCurlAsync("-sS", "--cacert", _directory.Combine("bundle.pem"), "--cert", _directory.Combine("stranger.pem"), "--key", _directory.Combine("stranger-key.pem"), _url + "/whoami");
        Assert.NotEqual(0, foreign.ExitCode);
        Assert.DoesNotContain("spiffe://", foreign.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Openssl_s_client_completes_mutual_tls_and_verifies_the_server_chain()
    {
        var port = new Uri(_url).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var result = await ExternalTool.RunOpensslAsync("s_client", "-connect", "127.0.0.1:" + port, "-CAfile", _directory.Combine("bundle.pem"), "-verify_return_error",
            "-cert", _directory.Combine("client.pem"), "-key", _directory.Combine("client-key.pem"), "-brief", "-no_ign_eof");

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains("Verification: OK", result.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_grpc_channel_over_the_handler_makes_a_unary_call_with_mutual_tls()
    {
        using var channel = Grpc.Net.Client.GrpcChannel.ForAddress(_url, new Grpc.Net.Client.GrpcChannelOptions { HttpHandler = MutualTls.CreateHandler(_client) });
        var method = new Grpc.Core.Method<byte[], byte[]>(Grpc.Core.MethodType.Unary, "edge.Echo", "Who", Bytes, Bytes);

        var answer = await channel.CreateCallInvoker().AsyncUnaryCall(method, null, default, "ping"u8.ToArray());

        Assert.Equal("ping from spiffe://operator.example/site/edge-1/app/video-analytics", System.Text.Encoding.UTF8.GetString(answer));
    }

    private static readonly Grpc.Core.Marshaller<byte[]> Bytes = new(b => b, b => b);

    /// <summary>A unary gRPC method written by hand (length-prefixed messages, grpc-status trailer): the request echoed with the caller's identity.</summary>
    private static async Task EchoPeerOverGrpcAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var request = body.ToArray().AsSpan(5);
        var answer = System.Text.Encoding.UTF8.GetBytes($"{System.Text.Encoding.UTF8.GetString(request)} from {context.GetPeerIdentity()}");
        var frame = new byte[5 + answer.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(1), answer.Length);
        answer.CopyTo(frame, 5);
        context.Response.ContentType = "application/grpc";
        await context.Response.Body.WriteAsync(frame);
        context.Response.AppendTrailer("grpc-status", "0");
    }

    private async Task WritePemAsync(WorkloadIdentity identity, string name)
    {
        await File.WriteAllTextAsync(_directory.Combine(name + ".pem"), identity.Certificate.ExportCertificatePem());
        using var key = identity.Certificate.GetECDsaPrivateKey()!;
        await File.WriteAllTextAsync(_directory.Combine(name + "-key.pem"), key.ExportPkcs8PrivateKeyPem());
    }
}
