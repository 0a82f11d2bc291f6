namespace PrecisionCloud.Mec.Location;

/// <summary>The JSON body that carries a <see cref="NotificationSubscriptionList"/> (MEC 013 wraps each body in an object named after its type: <c>{"notificationSubscriptionList": ...}</c>).</summary>
/// <param name="NotificationSubscriptionList">The notificationSubscriptionList.</param>
public sealed record InlineNotificationSubscriptionList(NotificationSubscriptionList? NotificationSubscriptionList);
