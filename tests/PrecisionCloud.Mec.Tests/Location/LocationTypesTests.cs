using PrecisionCloud.Mec.Location;
using PrecisionCloud.Tests.Specifications;

namespace PrecisionCloud.Mec.Tests.Location;

public sealed class LocationTypesTests
{
    private static readonly LocationInfo Where = new() { Latitude = [43.7f], Longitude = [7.4f], Shape = 2 };
    private static readonly NotificationLinks Subscription = new(new LinkType("http://mep/location/v3/subscriptions/zones/1"));

    public static TheoryData<string, string> EveryType => new()
    {
        { "UserInfo", MecJson.Serialize(new UserInfo { Address = "acr:10.45.0.2", AccessPointId = "gnb-1", ZoneId = "zone-a", ResourceUrl = "http://mep/location/v3/queries/users?address=acr:10.45.0.2", Timestamp = new TimeStamp(1, 2), LocationInfo = Where }) },
        { "UserList", MecJson.Serialize(new UserList("http://mep/location/v3/queries/users", [])) },
        { "ZoneInfo", MecJson.Serialize(new ZoneInfo { ZoneId = "zone-a", NumberOfAccessPoints = 2, NumberOfUnserviceableAccessPoints = 0, NumberOfUsers = 5, ResourceUrl = "http://mep/location/v3/queries/zones/zone-a" }) },
        { "ZoneList", MecJson.Serialize(new ZoneList("http://mep/location/v3/queries/zones")) },
        { "AccessPointInfo", MecJson.Serialize(new AccessPointInfo { AccessPointId = "gnb-1", ConnectionType = ConnectionType.Lte, OperationStatus = OperationStatus.Serviceable, NumberOfUsers = 3, ResourceUrl = "http://mep/x", LocationInfo = Where, Timezone = "UTC" }) },
        { "AccessPointList", MecJson.Serialize(new AccessPointList("zone-a", "http://mep/x", [])) },
        { "ZoneLocationEventSubscription", MecJson.Serialize(new ZoneLocationEventSubscription { CallbackReference = "http://app/cb", ZoneId = "zone-a", LocationEventCriteria = [LocationEventType.EnteringArea], ExpiryDeadline = new TimeStamp(2_000_000_000, 0), Links = new SelfLinks(Subscription.Subscription) }) },
        { "UserLocationEventSubscription", MecJson.Serialize(new UserLocationEventSubscription { CallbackReference = "http://app/cb", Address = "acr:10.45.0.2", WebsockNotifConfig = new WebsockNotifConfig(RequestWebsocketUri: true) }) },
        { "ZoneLocationEventNotification", MecJson.Serialize(new ZoneLocationEventNotification { Address = "acr:10.45.0.2", ZoneId = "zone-a", UserLocationEvent = LocationEventType.LeavingArea, TimeStamp = new TimeStamp(1, 0), Links = Subscription }) },
        { "UserLocationEventNotification", MecJson.Serialize(new UserLocationEventNotification { Address = "acr:10.45.0.2", ZoneId = "zone-b", AccessPointId = "gnb-7", UserLocationEvent = LocationEventType.EnteringArea, Links = Subscription }) },
        { "TestNotification", MecJson.Serialize(new TestNotification { Links = Subscription }) },
        { "NotificationSubscriptionList", MecJson.Serialize(new NotificationSubscriptionList(new LinkType("http://mep/location/v3/subscriptions/zones"), [new SubscriptionLink("http://mep/s/1", ZoneLocationEventSubscription.Type)])) },
    };

    [Theory]
    [MemberData(nameof(EveryType))]
    public void Every_type_validates_against_the_etsi_schema(string schema, string json)
    {
        Assert.Empty(MecSpecifications.Mec013Location.Problems(schema, json));
    }

    [Fact]
    public void Bodies_are_wrapped_in_an_object_named_after_their_type()
    {
        var json = MecJson.Serialize(new InlineZoneList(new ZoneList("http://mep/z")));

        Assert.Equal("""{"zoneList":{"resourceURL":"http://mep/z"}}""", json);
        Assert.Equal("zone-a", MecJson.Deserialize<InlineZoneLocationEventSubscription>("""{"zoneLocationEventSubscription":{"subscriptionType":"ZoneLocationEventSubscription","zoneId":"zone-a"}}""")!.ZoneLocationEventSubscription!.ZoneId);
        Assert.Contains("\"accessPointId\":\"gnb-1\"", MecJson.Serialize(new UserInfo { Address = "a", AccessPointId = "gnb-1", ZoneId = "z", ResourceUrl = "r", Timestamp = new TimeStamp(0, 0) }), StringComparison.Ordinal);
    }

    [Fact]
    public void The_fixes_to_the_location_file_are_named()
    {
        Assert.Equal(9, MecSpecifications.Mec013Location.Fixes.Count);
        Assert.All(MecSpecifications.Mec013Location.Fixes, fix => Assert.Contains("GS MEC 013 clause", fix, StringComparison.Ordinal));
    }
}
