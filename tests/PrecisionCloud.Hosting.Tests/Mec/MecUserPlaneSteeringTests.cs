using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PrecisionCloud.Hosting.Mec;
using PrecisionCloud.Mec.Platform;
using PrecisionCloud.Mec.Platform.Location;
using PrecisionCloud.Tests.Http;
using PrecisionCloud.UserPlane.Pipeline;
using static PrecisionCloud.UserPlane.Tests.TestPackets;

namespace PrecisionCloud.Hosting.Tests.Mec;

/// <summary>
/// A site composed with <c>AddPrecisionCloud().AddMecPlatform()</c>: a traffic rule activated over Mp1 steers the
/// user plane's uplink GTP-U traffic to the MEC application's N6 port, and stops when deactivated.
/// </summary>
public sealed class MecUserPlaneSteeringTests : IAsyncLifetime, IDisposable
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("site-mec-");
    private WebApplication _site = null!;
    private HttpClient _http = null!;
    private UserPlane.UserPlane _userPlane = null!;

    public async Task InitializeAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        builder.Services.AddPrecisionCloud(o => o.Profile = SiteProfile.AllInOne)
            .ConfigureUserPlane(o =>
            {
                o.N6Ports.Add(new UserPlane.Hosting.N6PortOptions { NetworkInstance = "internet", TunDevice = "unused0" });
                var mec = new UserPlane.Hosting.N6PortOptions { NetworkInstance = "mec", TunDevice = "unused1" };
                mec.Routes.Add("192.0.2.0/24");
                o.N6Ports.Add(mec);
            })
            .AddMecPlatform(o => (o.ConformanceMode, o.ApiRoot, o.DatabasePath) = (true, new Uri($"http://127.0.0.1:{port}"), Path.Combine(_data.FullName, "mec.db")));
        builder.Services.AddMecDnsResponder(o => o.Port = 0);
        builder.Services.Configure<LocationOptions>(map =>
        {
            var zone = new ZoneOptions { ZoneId = "campus" };
            var accessPoint = new AccessPointOptions { AccessPointId = "gnb-1" };
            accessPoint.GnbAddresses.Add(Gnb.ToString());
            zone.AccessPoints.Add(accessPoint);
            map.Zones.Add(zone);
            map.SourcePollInterval = TimeSpan.FromMilliseconds(100);
        });
        _site = builder.Build();
        _site.MapMecPlatform();
        await _site.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        _userPlane = _site.Services.GetRequiredService<UserPlane.UserPlane>();
    }

    public async Task DisposeAsync()
    {
        await _site.StopAsync();
        await _site.DisposeAsync();
        _data.Delete(recursive: true);
    }

    public void Dispose() => _http?.Dispose();

    [Fact]
    public async Task An_active_traffic_rule_breaks_uplink_out_to_the_applications_n6_port_and_an_inactive_one_does_not()
    {
        // The user plane's ports as its host would register them (TUN devices are not needed to classify).
        var internet = _userPlane.RegisterN6Port("internet");
        var mec = _userPlane.RegisterN6Port("mec");
        _userPlane.Establish(Session(1, 0x100, "10.45.0.2", 0x200));
        var pipeline = _userPlane.CreatePipeline();
        using var provisioned = await SendAsync(HttpMethod.Put, "/mec_platform_mgmt/v1/app_instances/video-cache", """
            {"appName": "video-cache", "trafficRules": [{
              "trafficRuleId": "breakout", "filterType": "FLOW", "priority": 10,
              "trafficFilter": [{"dstAddress": ["192.0.2.10"], "dstPort": ["80"], "protocol": ["UDP"]}],
              "action": "FORWARD_DECAPSULATED", "dstInterface": [{"interfaceType": "IP", "dstIpAddress": "192.0.2.10"}],
              "state": "INACTIVE"}]}
            """);
        Assert.Equal(HttpStatusCode.Created, provisioned.StatusCode);

        Assert.Equal(internet, Classify(pipeline, "192.0.2.10", 80));

        using var active = await SendAsync(HttpMethod.Put, "/mec_app_support/v2/applications/video-cache/traffic_rules/breakout", Rule("ACTIVE"));
        Assert.Equal(HttpStatusCode.OK, active.StatusCode);
        Assert.Equal(mec, Classify(pipeline, "192.0.2.10", 80));
        Assert.Equal(internet, Classify(pipeline, "192.0.2.10", 443));
        Assert.Equal(internet, Classify(pipeline, "8.8.8.8", 80));
        Assert.Single(_site.Services.GetRequiredService<UserPlaneTrafficRules>().Active);

        using var inactive = await SendAsync(HttpMethod.Put, "/mec_app_support/v2/applications/video-cache/traffic_rules/breakout", Rule("INACTIVE"));
        Assert.Equal(HttpStatusCode.OK, inactive.StatusCode);
        Assert.Equal(internet, Classify(pipeline, "192.0.2.10", 80));
    }

    [Fact]
    public async Task A_rule_the_user_plane_cannot_honour_is_answered_409_with_the_reason()
    {
        _userPlane.RegisterN6Port("internet");
        _userPlane.RegisterN6Port("mec");
        using var provisioned = await SendAsync(HttpMethod.Put, "/mec_platform_mgmt/v1/app_instances/mirror", """
            {"appName": "mirror", "trafficRules": [{
              "trafficRuleId": "copy", "filterType": "PACKET", "priority": 1, "trafficFilter": [{}],
              "action": "DUPLICATE_ENCAPSULATED", "dstInterface": [{"interfaceType": "IP", "dstIpAddress": "192.0.2.20"}],
              "state": "ACTIVE"}]}
            """);
        var body = await provisioned.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Created, provisioned.StatusCode);
        Assert.Contains("\"ruleId\":\"copy\"", body, StringComparison.Ordinal);
        Assert.Contains("does not forward GTP-U encapsulated packets", body, StringComparison.Ordinal);
        Assert.Empty(_site.Services.GetRequiredService<UserPlaneTrafficRules>().Active);
    }

    [Fact]
    public async Task The_location_api_finds_the_user_planes_sessions_behind_their_gnb()
    {
        _userPlane.Establish(Session(7, 0x300, "10.45.0.9", 0x400));

        var deadline = DateTime.UtcNow.AddSeconds(10);
        string body;
        do
        {
            await Task.Delay(100);
            body = await _http.GetStringAsync(new Uri("/location/v3/queries/users?zoneId=campus", UriKind.Relative));
        }
        while (!body.Contains("acr:10.45.0.9", StringComparison.Ordinal) && DateTime.UtcNow < deadline);

        Assert.Contains("\"address\":\"acr:10.45.0.9\",\"accessPointId\":\"gnb-1\",\"zoneId\":\"campus\"", body, StringComparison.Ordinal);
        _userPlane.Delete(7);
        deadline = DateTime.UtcNow.AddSeconds(10);
        do
        {
            await Task.Delay(100);
            body = await _http.GetStringAsync(new Uri("/location/v3/queries/users", UriKind.Relative));
        }
        while (body.Contains("acr:10.45.0.9", StringComparison.Ordinal) && DateTime.UtcNow < deadline);

        Assert.DoesNotContain("acr:10.45.0.9", body, StringComparison.Ordinal);
    }

    private static int Classify(UserPlanePipeline pipeline, string destination, ushort port)
    {
        var batch = new PacketBatch(capacity: 4);
        batch.Add(Gpdu(0x100, Udp("10.45.0.2", destination, 40000, port)), Gnb, 2152);
        pipeline.ProcessN3(batch, Stopwatch.GetTimestamp());
        Assert.Equal(PacketVerdict.ToN6, batch[0].Verdict);
        return batch[0].EgressPort;
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string json) =>
        _http.SendAsync(new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") });

    private static string Rule(string state) => $$"""
        {"trafficRuleId": "breakout", "filterType": "FLOW", "priority": 10,
         "trafficFilter": [{"dstAddress": ["192.0.2.10"], "dstPort": ["80"], "protocol": ["UDP"]}],
         "action": "FORWARD_DECAPSULATED", "dstInterface": [{"interfaceType": "IP", "dstIpAddress": "192.0.2.10"}],
         "state": "{{state}}"}
        """;
}
