namespace PrecisionCloud.Mec.Platform.Storage;

/// <summary>A notification to deliver, committed together with the change that caused it.</summary>
/// <param name="SubscriptionId">The subscription it is for; deliveries to one subscription keep their order.</param>
/// <param name="Callback">Where to post it.</param>
/// <param name="Body">Its JSON.</param>
/// <param name="ExpiresAt">When to stop trying and record it as a dead letter.</param>
public sealed record OutgoingNotification(string SubscriptionId, Uri Callback, string Body, DateTimeOffset ExpiresAt);
