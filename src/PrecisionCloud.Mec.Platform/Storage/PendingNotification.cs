namespace PrecisionCloud.Mec.Platform.Storage;

/// <summary>A committed notification not yet delivered.</summary>
/// <param name="Id">Its position in the outbox (increasing in commit order).</param>
/// <param name="SubscriptionId">The subscription it is for.</param>
/// <param name="Callback">Where to post it.</param>
/// <param name="Body">Its JSON.</param>
/// <param name="Attempts">The failed attempts so far.</param>
/// <param name="DueAt">When to try next.</param>
/// <param name="ExpiresAt">When to stop trying.</param>
public sealed record PendingNotification(long Id, string SubscriptionId, Uri Callback, string Body, int Attempts, DateTimeOffset DueAt, DateTimeOffset ExpiresAt);
