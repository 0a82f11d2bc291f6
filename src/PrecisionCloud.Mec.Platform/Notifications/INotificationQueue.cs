using PrecisionCloud.Mec.Platform.Storage;

namespace PrecisionCloud.Mec.Platform.Notifications;

/// <summary>Takes committed notifications for delivery.</summary>
internal interface INotificationQueue
{
    /// <summary>Queues committed notifications, each behind the earlier ones of its subscription.</summary>
    void Enqueue(IReadOnlyList<PendingNotification> notifications);

    /// <summary>Drops what is queued for a subscription that no longer exists.</summary>
    void Forget(string subscriptionId);

    /// <summary>Sends what is queued for a subscription, and what comes, to its new callback.</summary>
    void Retarget(string subscriptionId, Uri callback);
}
