using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PrecisionCloud.Mec.Location;
using PrecisionCloud.Mec.Platform.Location;
using PrecisionCloud.Mec.Platform.Tests.Infrastructure;
using PrecisionCloud.Tests.Specifications;

namespace PrecisionCloud.Mec.Platform.Tests.Location;

/// <summary>MEC 013 over a radio map of two zones: queries, zone and user subscriptions, expiry, and what is refused.</summary>
public sealed class LocationTests : PlatformTest
{
    private const string Api = "/location/v3";

    private MecLocationTracker Tracker => Platform.Services.GetRequiredService<MecLocationTracker>();

    internal override void ConfigureServices(IServiceCollection services) => services.Configure<LocationOptions>(map =>
    {
        var zoneA = new ZoneOptions { ZoneId = "zone-a" };
        var ap1 = new AccessPointOptions { AccessPointId = "ap-1", ConnectionType = ConnectionType.Lte, Latitude = 43.7f, Longitude = 7.4f, Timezone = "Europe/Paris" };
        ap1.GnbAddresses.Add("192.168.10.1");
        zoneA.AccessPoints.Add(ap1);
        zoneA.AccessPoints.Add(new AccessPointOptions { AccessPointId = "ap-2", OperationStatus = OperationStatus.Unserviceable });
        var zoneB = new ZoneOptions { ZoneId = "zone-b" };
        var ap3 = new AccessPointOptions { AccessPointId = "ap-3", Latitude = 51.5074f, Longitude = -0.1278f };
        ap3.GnbAddresses.Add("192.168.20.1");
        zoneB.AccessPoints.Add(ap3);
        map.Zones.Add(zoneA);
        map.Zones.Add(zoneB);
    });

    [Fact]
    public async Task Queries_answer_users_zones_and_access_points_from_the_gnbs_users_are_behind()
    {
        Assert.True(Tracker.Place("10.45.0.2", "192.168.10.1"));
        Assert.True(Tracker.Place("10.45.0.3", "192.168.20.1"));
        Assert.False(Tracker.Place("10.45.0.4", "192.0.2.99"));

        var users = await GetAsync($"{Api}/queries/users", "UserList", "userList");
        Assert.Equal(["acr:10.45.0.2", "acr:10.45.0.3"], users["user"]!.AsArray().Select(u => u!["address"]!.GetValue<string>()));
        Assert.Equal(43.7f, users["user"]![0]!["locationInfo"]!["latitude"]![0]!.GetValue<float>());
        var inA = await GetAsync($"{Api}/queries/users?zoneId=zone-a", "UserList", "userList");
        Assert.Equal("ap-1", Assert.Single(inA["user"]!.AsArray())!["accessPointId"]!.GetValue<string>());
        Assert.Single((await GetAsync($"{Api}/queries/users?address=acr:10.45.0.3", "UserList", "userList"))["user"]!.AsArray());

        var zones = await GetAsync($"{Api}/queries/zones", "ZoneList", "zoneList");
        Assert.Equal(2, zones["zone"]!.AsArray().Count);
        var zoneA = await GetAsync($"{Api}/queries/zones/zone-a", "ZoneInfo", "zoneInfo");
        Assert.Equal((2, 1, 1), (zoneA["numberOfAccessPoints"]!.GetValue<int>(), zoneA["numberOfUnserviceableAccessPoints"]!.GetValue<int>(), zoneA["numberOfUsers"]!.GetValue<int>()));
        var points = await GetAsync($"{Api}/queries/zones/zone-a/accessPoints", "AccessPointList", "accessPointList");
        Assert.Equal(["ap-1", "ap-2"], points["accessPoint"]!.AsArray().Select(a => a!["accessPointId"]!.GetValue<string>()));
        var ap1 = await GetAsync($"{Api}/queries/zones/zone-a/accessPoints/ap-1", "AccessPointInfo", "accessPointInfo");
        Assert.Equal(("LTE", 1), (ap1["connectionType"]!.GetValue<string>(), ap1["numberOfUsers"]!.GetValue<int>()));

        Assert.Equal(HttpStatusCode.NotFound, (await Platform.GetAsync($"{Api}/queries/zones/zone-z")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Platform.GetAsync($"{Api}/queries/zones/zone-a/accessPoints/ap-3")).Status);
    }

    [Fact]
    public async Task Distances_are_measured_between_users_or_a_user_and_a_location()
    {
        Tracker.Place("10.45.0.2", "192.168.10.1");
        Tracker.Place("10.45.0.3", "192.168.20.1");

        var toParis = await GetAsync($"{Api}/queries/distance?address=acr:10.45.0.3&latitude=48.8566&longitude=2.3522", "TerminalDistance", "terminalDistance");
        Assert.InRange(toParis["distance"]!.GetValue<int>(), 342_000, 345_000);
        var between = await GetAsync($"{Api}/queries/distance?address=acr:10.45.0.2,acr:10.45.0.3", "TerminalDistance", "terminalDistance");
        Assert.InRange(between["distance"]!.GetValue<int>(), 1_000_000, 1_100_000);
        Assert.Equal(HttpStatusCode.BadRequest, (await Platform.GetAsync($"{Api}/queries/distance?address=acr:10.45.0.3")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await Platform.GetAsync($"{Api}/queries/distance?address=acr:10.45.0.9&location=48.8,2.3")).Status);
    }

    [Fact]
    public async Task A_zone_status_subscription_hears_the_users_crossing_its_thresholds()
    {
        var created = await Platform.PostAsync($"{Api}/subscriptions/zones", $$"""
            {"zoneStatusSubscription": {"subscriptionType": "ZoneStatusSubscription", "callbackReference": "{{Callbacks.Url("status")}}", "zoneId": "zone-b", "upperNumberOfUsersZoneThreshold": 1, "lowerNumberOfUsersAPThreshold": 1} }
            """);
        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Empty(MecSpecifications.Mec013Location.Problems("ZoneStatusSubscription", created.Json!["zoneStatusSubscription"]!.ToJsonString()));

        Tracker.Place("10.45.0.2", "192.168.20.1");
        Tracker.Place("10.45.0.3", "192.168.20.1");
        var over = (await Callbacks.NextAsync("status"))["zoneStatusNotification"]!;
        Assert.Empty(MecSpecifications.Mec013Location.Problems("ZoneStatusNotification", over.ToJsonString()));
        Assert.Equal((1, "zone-b"), (over["userNumEvent"]!.GetValue<int>(), over["zoneId"]!.GetValue<string>()));

        Tracker.Remove("10.45.0.2");
        Tracker.Remove("10.45.0.3");
        var under = (await Callbacks.NextAsync("status"))["zoneStatusNotification"]!;
        Assert.Equal((4, "ap-3"), (under["userNumEvent"]!.GetValue<int>(), under["accessPointId"]!.GetValue<string>()));
        var types = (await GetAsync($"{Api}/subscriptions/zones?subscription_type=status", "NotificationSubscriptionList", "notificationSubscriptionList"))["subscription"]!.AsArray();
        Assert.Equal("ZoneStatusSubscription", Assert.Single(types)!["subscriptionType"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_area_subscription_hears_its_users_entering_and_leaving_a_circle_around_an_access_point()
    {
        var created = await Platform.PostAsync($"{Api}/subscriptions/area", $$"""
            {"userAreaSubscription": {"subscriptionType": "UserAreaSubscription", "callbackReference": "{{Callbacks.Url("area")}}",
              "areaDefine": {"shape": 1, "points": [{"latitude": 43.7, "longitude": 7.4} ], "radius": 500},
              "addressList": ["acr:10.45.0.2"], "trackingAccuracy": 10} }
            """);
        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Empty(MecSpecifications.Mec013Location.Problems("UserAreaSubscription", created.Json!["userAreaSubscription"]!.ToJsonString()));

        Tracker.Place("10.45.0.3", "192.168.10.1");
        Tracker.Place("10.45.0.2", "192.168.10.1");
        Tracker.Place("10.45.0.2", "192.168.20.1");
        var entered = (await Callbacks.NextAsync("area"))["userAreaNotification"]!;
        var left = (await Callbacks.NextAsync("area"))["userAreaNotification"]!;
        Assert.Empty(MecSpecifications.Mec013Location.Problems("UserAreaNotification", entered.ToJsonString()));
        Assert.Equal(("acr:10.45.0.2", "ENTERING_AREA_EVENT"), (entered["address"]!.GetValue<string>(), entered["userLocationEvent"]!.GetValue<string>()));
        Assert.Equal("LEAVING_AREA_EVENT", left["userLocationEvent"]!.GetValue<string>());

        var polygon = await Platform.PostAsync($"{Api}/subscriptions/area", $$"""
            {"userAreaSubscription": {"subscriptionType": "UserAreaSubscription", "callbackReference": "{{Callbacks.Url("area")}}",
              "areaDefine": {"shape": 2, "points": [{"latitude": 1, "longitude": 1}, {"latitude": 2, "longitude": 2} ] }, "addressList": ["acr:10.45.0.2"], "trackingAccuracy": 10} }
            """);
        Assert.Equal(HttpStatusCode.BadRequest, polygon.Status);
        Assert.Contains("3 to 15 points", polygon.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_periodic_subscription_reports_as_often_and_as_many_times_as_asked_then_ends()
    {
        Tracker.Place("10.45.0.2", "192.168.10.1");
        var created = await Platform.PostAsync($"{Api}/subscriptions/users", $$"""
            {"userLocationPeriodicSubscription": {"subscriptionType": "UserLocationPeriodicSubscription", "callbackReference": "{{Callbacks.Url("periodic")}}",
              "address": "acr:10.45.0.2", "periodicEventInfo": {"reportingAmount": 2, "reportingInterval": 1} } }
            """);
        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Empty(MecSpecifications.Mec013Location.Problems("UserLocationPeriodicSubscription", created.Json!["userLocationPeriodicSubscription"]!.ToJsonString()));

        var first = (await Callbacks.NextAsync("periodic"))["userLocationPeriodicNotification"]!;
        Tracker.Remove("10.45.0.2");
        var last = (await Callbacks.NextAsync("periodic"))["userLocationPeriodicNotification"]!;
        Assert.Empty(MecSpecifications.Mec013Location.Problems("UserLocationPeriodicNotification", first.ToJsonString()));
        Assert.Equal(("SUCCESS", "ap-1"), (first["result"]!.GetValue<string>(), first["accessPointId"]!.GetValue<string>()));
        Assert.Null(first["isFinalNotification"]);
        Assert.Equal(("ABNORMAL", true), (last["result"]!.GetValue<string>(), last["isFinalNotification"]!.GetValue<bool>()));
        Assert.Equal(HttpStatusCode.NotFound, (await Platform.GetAsync(new Uri(created.Location!).AbsolutePath)).Status);
        Assert.Equal("UserLocationPeriodicSubscription", created.Json["userLocationPeriodicSubscription"]!["subscriptionType"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_distance_subscription_fires_when_its_criteria_become_true_and_at_once_when_asked()
    {
        Tracker.Place("10.45.0.2", "192.168.10.1");
        Tracker.Place("10.45.0.3", "192.168.20.1");
        var immediate = await Platform.PostAsync($"{Api}/subscriptions/distance", $$"""
            {"userDistanceSubscription": {"subscriptionType": "UserDistanceSubscription", "callbackReference": "{{Callbacks.Url("far")}}",
              "monitoredAddress": ["acr:10.45.0.2"], "referenceAddress": ["acr:10.45.0.3"], "distance": 1000, "trackingAccuracy": 10,
              "criteria": "AllBeyondDistance", "checkImmediate": true} }
            """);
        Assert.Equal(HttpStatusCode.Created, immediate.Status);
        Assert.Empty(MecSpecifications.Mec013Location.Problems("UserDistanceSubscription", immediate.Json!["userDistanceSubscription"]!.ToJsonString()));
        var beyond = (await Callbacks.NextAsync("far"))["userDistanceNotification"]!;
        Assert.Empty(MecSpecifications.Mec013Location.Problems("UserDistanceNotification", beyond.ToJsonString()));
        Assert.Equal("AllBeyondDistance", beyond["distanceEvent"]!.GetValue<string>());
        Assert.Equal("acr:10.45.0.2", beyond["monitoredUsers"]!["user"]![0]!["address"]!.GetValue<string>());

        await Platform.PostAsync($"{Api}/subscriptions/distance", $$"""
            {"userDistanceSubscription": {"subscriptionType": "UserDistanceSubscription", "callbackReference": "{{Callbacks.Url("near")}}",
              "monitoredAddress": ["acr:10.45.0.2"], "referenceAddress": ["acr:10.45.0.3"], "distance": 1000, "trackingAccuracy": 10,
              "criteria": "AnyWithinDistance", "checkImmediate": true} }
            """);
        await Task.Delay(200);
        Assert.Empty(Callbacks.Drain("near"));
        Tracker.Place("10.45.0.2", "192.168.20.1");
        Assert.Equal("AnyWithinDistance", (await Callbacks.NextAsync("near"))["userDistanceNotification"]!["distanceEvent"]!.GetValue<string>());
    }

    [Fact]
    public async Task Notifications_waiting_for_a_dead_callback_follow_the_subscription_to_its_new_one()
    {
        var created = await Platform.PostAsync($"{Api}/subscriptions/zones", """
            {"zoneLocationEventSubscription": {"subscriptionType": "ZoneLocationEventSubscription", "callbackReference": "http://127.0.0.1:9/gone", "zoneId": "zone-b"} }
            """);
        Tracker.Place("10.45.0.2", "192.168.20.1");
        await Task.Delay(300);

        var moved = await Platform.SendAsync(HttpMethod.Put, new Uri(created.Location!).AbsolutePath, $$"""
            {"zoneLocationEventSubscription": {"subscriptionType": "ZoneLocationEventSubscription", "callbackReference": "{{Callbacks.Url("moved")}}", "zoneId": "zone-b"} }
            """);
        Assert.Equal(HttpStatusCode.OK, moved.Status);

        var entered = (await Callbacks.NextAsync("moved"))["zoneLocationEventNotification"]!;
        Assert.Equal(("ENTERING_AREA_EVENT", "acr:10.45.0.2"), (entered["userLocationEvent"]!.GetValue<string>(), entered["address"]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_platform_offers_its_location_service_in_discovery()
    {
        var found = await Platform.GetAsync("/mec_service_mgmt/v1/services?ser_name=location");

        var service = Assert.Single(found.Json!.AsArray())!;
        Assert.Empty(MecSpecifications.Mec011ServiceManagement.Problems("ServiceInfo", service.ToJsonString()));
        Assert.Equal(Platform.Root.ToString().TrimEnd('/') + "/location/v3", service["transportInfo"]!["endpoint"]!["uris"]![0]!.GetValue<string>());
        Assert.Equal("location", service["serCategory"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_zone_subscription_gets_a_test_notification_then_users_entering_and_leaving()
    {
        Tracker.Place("10.45.0.2", "192.168.10.1");
        var created = await Platform.PostAsync($"{Api}/subscriptions/zones", $$"""
            {"zoneLocationEventSubscription": {"subscriptionType": "ZoneLocationEventSubscription", "callbackReference": "{{Callbacks.Url("zones")}}", "zoneId": "zone-b", "requestTestNotification": true} }
            """);
        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Empty(MecSpecifications.Mec013Location.Problems("ZoneLocationEventSubscription", created.Json!["zoneLocationEventSubscription"]!.ToJsonString()));
        Assert.Equal(created.Location, created.Json["zoneLocationEventSubscription"]!["_links"]!["self"]!["href"]!.GetValue<string>());

        var test = await Callbacks.NextAsync("zones");
        Assert.Empty(MecSpecifications.Mec013Location.Problems("TestNotification", test["testNotification"]!.ToJsonString()));

        Tracker.Place("10.45.0.2", "192.168.20.1");
        Tracker.Place("10.45.0.2", "192.168.10.1");
        var entering = (await Callbacks.NextAsync("zones"))["zoneLocationEventNotification"]!;
        var leaving = (await Callbacks.NextAsync("zones"))["zoneLocationEventNotification"]!;
        Assert.Empty(MecSpecifications.Mec013Location.Problems("ZoneLocationEventNotification", entering.ToJsonString()));
        Assert.Equal(("ENTERING_AREA_EVENT", "acr:10.45.0.2", "zone-b"), (entering["userLocationEvent"]!.GetValue<string>(), entering["address"]!.GetValue<string>(), entering["zoneId"]!.GetValue<string>()));
        Assert.Equal("LEAVING_AREA_EVENT", leaving["userLocationEvent"]!.GetValue<string>());
        Assert.Equal(created.Location, leaving["_links"]!["subscription"]!["href"]!.GetValue<string>());

        var list = await GetAsync($"{Api}/subscriptions/zones", "NotificationSubscriptionList", "notificationSubscriptionList");
        Assert.Equal(created.Location, Assert.Single(list["subscription"]!.AsArray())!["href"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_user_subscription_follows_one_user_between_zones_and_ends_when_deleted()
    {
        Tracker.Place("10.45.0.3", "192.168.20.1");
        var created = await Platform.PostAsync($"{Api}/subscriptions/users", $$"""
            {"userLocationEventSubscription": {"subscriptionType": "UserLocationEventSubscription", "callbackReference": "{{Callbacks.Url("user")}}", "address": "acr:10.45.0.3", "locationEventCriteria": ["ENTERING_AREA_EVENT"]} }
            """);
        Assert.Equal(HttpStatusCode.Created, created.Status);

        Tracker.Place("10.45.0.2", "192.168.10.1");
        Tracker.Place("10.45.0.3", "192.168.10.1");
        var entered = (await Callbacks.NextAsync("user"))["userLocationEventNotification"]!;
        Assert.Empty(MecSpecifications.Mec013Location.Problems("UserLocationEventNotification", entered.ToJsonString()));
        Assert.Equal(("ENTERING_AREA_EVENT", "zone-a", "ap-1"), (entered["userLocationEvent"]!.GetValue<string>(), entered["zoneId"]!.GetValue<string>(), entered["accessPointId"]!.GetValue<string>()));

        Assert.Equal(HttpStatusCode.NoContent, (await Platform.SendAsync(HttpMethod.Delete, new Uri(created.Location!).AbsolutePath)).Status);
        Tracker.Place("10.45.0.3", "192.168.20.1");
        await Task.Delay(300);
        Assert.Empty(Callbacks.Drain("user"));
    }

    [Fact]
    public async Task A_subscription_ends_at_its_expiry_deadline_and_survives_a_restart_until_then()
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(3).ToUnixTimeSeconds();
        var lasting = await Platform.PostAsync($"{Api}/subscriptions/zones", $$"""
            {"zoneLocationEventSubscription": {"subscriptionType": "ZoneLocationEventSubscription", "callbackReference": "{{Callbacks.Url("z")}}", "zoneId": "zone-a"} }
            """);
        var expiring = await Platform.PostAsync($"{Api}/subscriptions/zones", $$"""
            {"zoneLocationEventSubscription": {"subscriptionType": "ZoneLocationEventSubscription", "callbackReference": "{{Callbacks.Url("z")}}", "zoneId": "zone-a", "expiryDeadline": {"seconds": {{deadline}}, "nanoSeconds": 0} } }
            """);

        await RestartAsync();
        Assert.Equal(HttpStatusCode.OK, (await Platform.GetAsync(new Uri(expiring.Location!).AbsolutePath)).Status);
        await Task.Delay(TimeSpan.FromSeconds(4.5));

        Assert.Equal(HttpStatusCode.NotFound, (await Platform.GetAsync(new Uri(expiring.Location!).AbsolutePath)).Status);
        Assert.Equal(HttpStatusCode.OK, (await Platform.GetAsync(new Uri(lasting.Location!).AbsolutePath)).Status);
    }

    [Fact]
    public async Task Notifications_go_over_the_websocket_a_subscription_asked_for_and_wait_for_it_to_connect()
    {
        var created = await Platform.PostAsync($"{Api}/subscriptions/zones", """
            {"zoneLocationEventSubscription": {"subscriptionType": "ZoneLocationEventSubscription", "zoneId": "zone-b", "requestTestNotification": true, "websockNotifConfig": {"requestWebsocketUri": true}}}
            """);
        Assert.Equal(HttpStatusCode.Created, created.Status);
        var subscription = created.Json!["zoneLocationEventSubscription"]!;
        Assert.Empty(MecSpecifications.Mec013Location.Problems("ZoneLocationEventSubscription", subscription.ToJsonString()));
        var websocketUri = new Uri(subscription["websockNotifConfig"]!["websocketUri"]!.GetValue<string>());
        Assert.Equal("ws", websocketUri.Scheme);
        Assert.Equal(HttpStatusCode.BadRequest, (await Platform.GetAsync(websocketUri.AbsolutePath)).Status);

        Tracker.Place("10.45.0.2", "192.168.20.1");
        await Task.Delay(300);
        using var socket = new System.Net.WebSockets.ClientWebSocket();
        await socket.ConnectAsync(websocketUri, CancellationToken.None);

        var messages = new List<JsonNode>();
        var buffer = new byte[16 * 1024];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (messages.Count < 2)
        {
            var received = await socket.ReceiveAsync(buffer, timeout.Token);
            messages.Add(JsonNode.Parse(buffer.AsSpan(0, received.Count))!);
        }

        Assert.Empty(MecSpecifications.Mec013Location.Problems("TestNotification", messages[0]["testNotification"]!.ToJsonString()));
        var entering = messages[1]["zoneLocationEventNotification"]!;
        Assert.Equal(("ENTERING_AREA_EVENT", "zone-b"), (entering["userLocationEvent"]!.GetValue<string>(), entering["zoneId"]!.GetValue<string>()));
        await socket.CloseAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
    }

    [Theory]
    [InlineData("""{"zoneLocationEventSubscription": {"subscriptionType": "ZoneLocationEventSubscription", "zoneId": "zone-a"}}""", HttpStatusCode.BadRequest, "callbackReference")]
    [InlineData("""{"zoneLocationEventSubscription": {"subscriptionType": "ZoneLocationEventSubscription", "callbackReference": "http://127.0.0.1/cb", "zoneId": "zone-z"}}""", HttpStatusCode.BadRequest, "zoneId")]
    [InlineData("""{"zoneStatusSubscription": {"subscriptionType": "ZoneStatusSubscription", "callbackReference": "http://127.0.0.1/cb", "zoneId": "zone-a"}}""", HttpStatusCode.BadRequest, "give at least one threshold")]
    [InlineData("""{"zoneStatusSubscription": {"subscriptionType": "ZoneStatusSubscription", "callbackReference": "http://127.0.0.1/cb", "zoneId": "zone-a", "upperNumberOfUsersZoneThreshold": -1}}""", HttpStatusCode.BadRequest, "shall not be negative")]
    [InlineData("""{"somethingElse": {}}""", HttpStatusCode.BadRequest, "zoneLocationEventSubscription")]
    [InlineData("""{"zoneLocationEventSubscription": {"subscriptionType": "ZoneLocationEventSubscription", "callbackReference": "http://127.0.0.1/cb", "zoneId": "zone-a", "expiryDeadline": {"seconds": 1, "nanoSeconds": 0}}}""", HttpStatusCode.BadRequest, "expiryDeadline")]
    [InlineData("""{"zoneLocationEventSubscription": {"subscriptionType": "ZoneLocationEventSubscription", "callbackReference": "http://127.0.0.1/cb", "zoneId": "zone-a", "locationEventCriteria": ["ARRIVING"]}}""", HttpStatusCode.BadRequest, "locationEventCriteria")]
    public async Task What_cannot_be_served_is_refused_by_name_and_nothing_is_stored(string body, HttpStatusCode status, string field)
    {
        var answer = await Platform.PostAsync($"{Api}/subscriptions/zones", body);

        Assert.Equal(status, answer.Status);
        Assert.Contains(field, answer.Detail, StringComparison.Ordinal);
        Assert.Null((await GetAsync($"{Api}/subscriptions/zones", "NotificationSubscriptionList", "notificationSubscriptionList"))["subscription"]?.AsArray().FirstOrDefault());
    }

    private async Task<JsonNode> GetAsync(string path, string schema, string wrapper)
    {
        var answer = await Platform.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var inner = answer.Json![wrapper]!;
        Assert.Empty(MecSpecifications.Mec013Location.Problems(schema, inner.ToJsonString()));
        return inner;
    }
}
