using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrecisionCloud.Mec.Platform.Storage;

namespace PrecisionCloud.Mec.Platform.Notifications;

/// <summary>
/// Delivers the outbox: at least once, in order within each subscription, with every subscription on its own queue
/// so one slow or dead callback never holds up the others. A failed attempt is retried after an exponential backoff
/// with jitter (longer when the callback says <c>Retry-After</c>); a notification that expires, runs out of
/// attempts or is refused outright (a 4xx other than 408 and 429) becomes a dead letter.
/// </summary>
internal sealed partial class NotificationDispatcher : INotificationQueue, IDisposable
{
    /// <summary>The name of the <see cref="HttpClient"/> that posts notifications.</summary>
    public const string HttpClientName = "PrecisionCloud.Mec.Notifications";

    private readonly ConcurrentDictionary<string, SubscriberQueue> _queues = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Uri> _callbacks = new(StringComparer.Ordinal);
    private readonly IMecPlatformStore _store;
    private readonly IHttpClientFactory _clients;
    private readonly WebSocketHub _webSockets;
    private readonly NotificationDeliveryOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<NotificationDispatcher> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Counter<long> _delivered;
    private readonly Counter<long> _failedAttempts;
    private readonly Counter<long> _deadLettered;
    private readonly Histogram<double> _latency;
    private int _inFlight;
    private int _disposed;

    public NotificationDispatcher(IMecPlatformStore store, IHttpClientFactory clients, WebSocketHub webSockets, IOptions<MecPlatformOptions> options, TimeProvider time, IMeterFactory meters, ILogger<NotificationDispatcher> logger)
    {
        _store = store;
        _clients = clients;
        _webSockets = webSockets;
        _options = options.Value.Notifications;
        _time = time;
        _logger = logger;
        var meter = meters.Create(MecPlatformMetrics.MeterName);
        _delivered = meter.CreateCounter<long>("precisioncloud.mec.notifications.delivered", description: "Notifications a callback accepted");
        _failedAttempts = meter.CreateCounter<long>("precisioncloud.mec.notifications.failed_attempts", description: "Delivery attempts that failed and will be retried");
        _deadLettered = meter.CreateCounter<long>("precisioncloud.mec.notifications.dead_lettered", description: "Notifications given up and recorded as dead letters");
        _latency = meter.CreateHistogram<double>("precisioncloud.mec.notifications.latency", "s", "Time from commit to delivery");
        meter.CreateObservableGauge("precisioncloud.mec.notifications.in_flight", () => Volatile.Read(ref _inFlight), description: "Notifications queued and not yet delivered");
    }

    /// <summary>
    /// Queues what the store holds undelivered (at start, before new changes); notifications of subscriptions that
    /// no longer exist (ended just before a crash) are dropped.
    /// </summary>
    public async Task ResumeAsync(Func<string, bool> subscriptionExists, CancellationToken cancellationToken)
    {
        var all = await _store.LoadPendingAsync(cancellationToken).ConfigureAwait(false);
        foreach (var ended in all.Select(p => p.SubscriptionId).Distinct(StringComparer.Ordinal).Where(id => !subscriptionExists(id)).ToList())
        {
            await _store.DiscardAsync(ended, cancellationToken).ConfigureAwait(false);
        }

        var pending = all.Where(p => subscriptionExists(p.SubscriptionId)).ToList();
        Enqueue(pending);
        if (pending.Count > 0)
        {
            Log.Resumed(_logger, pending.Count);
        }
    }

    public void Enqueue(IReadOnlyList<PendingNotification> notifications)
    {
        foreach (var notification in notifications)
        {
            var queue = _queues.GetOrAdd(notification.SubscriptionId, id => new SubscriberQueue(id));
            queue.Items.Enqueue(notification);
            Interlocked.Increment(ref _inFlight);
            Start(queue);
        }
    }

    public void Retarget(string subscriptionId, Uri callback) => _callbacks[subscriptionId] = callback;

    public void Forget(string subscriptionId)
    {
        _callbacks.TryRemove(subscriptionId, out _);
        if (_queues.TryRemove(subscriptionId, out var queue))
        {
            queue.Forgotten = true;
            Interlocked.Add(ref _inFlight, -queue.Items.Count);
            queue.Items.Clear();
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _stopping.Cancel();
            _stopping.Dispose();
        }
    }

    private void Start(SubscriberQueue queue)
    {
        if (Interlocked.CompareExchange(ref queue.Running, 1, 0) == 0)
        {
            _ = Task.Run(() => DrainAsync(queue));
        }
    }

    private async Task DrainAsync(SubscriberQueue queue)
    {
        var token = _stopping.Token;
        try
        {
            while (!queue.Forgotten && !token.IsCancellationRequested && queue.Items.TryPeek(out var head))
            {
                var current = queue.Head ?? head;
                queue.Head = current;
                // The store and this clock may differ (a test clock): never wait longer than a retry would.
                var wait = current.DueAt - _time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait < _options.MaxRetryDelay ? wait : _options.MaxRetryDelay, _time, token).ConfigureAwait(false);
                }

                try
                {
                    await DeliverHeadAsync(queue, current, token).ConfigureAwait(false);
                }
                catch (Exception error) when (error is not OperationCanceledException || !token.IsCancellationRequested)
                {
                    // Something unexpected (the store failing, a socket torn down mid-send): the notification stays at
                    // the head of its queue and is tried again after a pause; the queue never stalls.
                    Log.DeliveryFailed(_logger, current.Id, current.SubscriptionId, error);
                    queue.Head = current with { DueAt = _time.GetUtcNow() + _options.InitialRetryDelay };
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Stopping: what was not delivered stays in the store and resumes at the next start.
        }
        finally
        {
            Volatile.Write(ref queue.Running, 0);
        }

        if (!queue.Forgotten && !token.IsCancellationRequested && !queue.Items.IsEmpty)
        {
            Start(queue);
        }
    }

    /// <summary>One attempt at the head of a queue, and what follows from it in the store.</summary>
    private async Task DeliverHeadAsync(SubscriberQueue queue, PendingNotification current, CancellationToken token)
    {
        var (delivered, permanent, retryAfter, reason) = await AttemptAsync(current, token).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        if (delivered)
        {
            await _store.MarkDeliveredAsync(current.Id, CancellationToken.None).ConfigureAwait(false);
            _delivered.Add(1);
            Next(queue);
            return;
        }

        var attempts = current.Attempts + 1;
        var delay = Backoff(attempts, retryAfter);
        if (permanent || attempts >= _options.MaxAttempts || now + delay > current.ExpiresAt)
        {
            var why = permanent ? $"refused: {reason}" : attempts >= _options.MaxAttempts ? $"{attempts} attempts failed, the last: {reason}" : $"expired after {attempts} attempts, the last: {reason}";
            await _store.DeadLetterAsync(current.Id, attempts, why, now, CancellationToken.None).ConfigureAwait(false);
            _deadLettered.Add(1);
            Log.DeadLettered(_logger, current.Id, current.SubscriptionId, current.Callback, why);
            Next(queue);
            return;
        }

        _failedAttempts.Add(1);
        queue.Head = current with { Attempts = attempts, DueAt = now + delay };
        await _store.RescheduleAsync(current.Id, attempts, queue.Head.DueAt, CancellationToken.None).ConfigureAwait(false);
        Log.Retrying(_logger, current.Id, current.Callback, attempts, delay, reason);
    }

    private void Next(SubscriberQueue queue)
    {
        queue.Head = null;
        if (queue.Items.TryDequeue(out var done))
        {
            Interlocked.Decrement(ref _inFlight);
            _latency.Record((_time.GetUtcNow() - (done.ExpiresAt - _options.TimeToLive)).TotalSeconds);
        }
    }

    private async Task<(bool Delivered, bool Permanent, TimeSpan? RetryAfter, string Reason)> AttemptAsync(PendingNotification queued, CancellationToken cancellationToken)
    {
        // A subscription whose callback changed since the notification was queued gets it at the new one.
        var notification = _callbacks.TryGetValue(queued.SubscriptionId, out var callback) ? queued with { Callback = callback } : queued;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.RequestTimeout);
        if (notification.Callback.Scheme is "ws" or "wss")
        {
            try
            {
                var failure = await _webSockets.SendAsync(notification.SubscriptionId, notification.Body, timeout.Token).ConfigureAwait(false);
                return (failure is null, false, null, failure ?? string.Empty);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return (false, false, null, $"the WebSocket took more than {_options.RequestTimeout.TotalSeconds} s");
            }
        }

        try
        {
            var client = _clients.CreateClient(HttpClientName);
            using var content = new StringContent(notification.Body, Encoding.UTF8, "application/json");
            using var response = await client.PostAsync(notification.Callback, content, timeout.Token).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return (true, false, null, string.Empty);
            }

            var status = response.StatusCode;
            var permanent = (int)status is >= 400 and < 500 && status is not HttpStatusCode.RequestTimeout and not HttpStatusCode.TooManyRequests;
            var retryAfter = response.Headers.RetryAfter switch
            {
                { Delta: { } delta } => delta,
                { Date: { } date } => date - _time.GetUtcNow(),
                _ => (TimeSpan?)null,
            };
            return (false, permanent, retryAfter, $"HTTP {(int)status} {response.ReasonPhrase}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (false, false, null, $"no answer within {_options.RequestTimeout.TotalSeconds} s");
        }
        catch (HttpRequestException error)
        {
            return (false, false, null, error.Message);
        }
    }

    private TimeSpan Backoff(int attempts, TimeSpan? retryAfter)
    {
        var exponential = _options.InitialRetryDelay * Math.Pow(2, Math.Min(attempts - 1, 30));
        var capped = exponential > _options.MaxRetryDelay ? _options.MaxRetryDelay : exponential;
        var jittered = capped * (0.5 + (Random.Shared.NextDouble() * 0.5));
        return retryAfter is { } asked && asked > jittered ? asked : jittered;
    }

    private sealed class SubscriberQueue(string subscriptionId)
    {
        public string SubscriptionId { get; } = subscriptionId;

        public ConcurrentQueue<PendingNotification> Items { get; } = new();

        /// <summary>The notification being delivered, with its attempts so far.</summary>
        public PendingNotification? Head { get; set; }

        public volatile bool Forgotten;

        public int Running;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Resuming delivery of {Count} notifications from the outbox")]
        public static partial void Resumed(ILogger logger, int count);

        [LoggerMessage(2, LogLevel.Debug, "Notification {Id} to {Callback} failed (attempt {Attempts}), retrying in {Delay}: {Reason}")]
        public static partial void Retrying(ILogger logger, long id, Uri callback, int attempts, TimeSpan delay, string reason);

        [LoggerMessage(3, LogLevel.Warning, "Notification {Id} of subscription {SubscriptionId} to {Callback} is a dead letter: {Reason}")]
        public static partial void DeadLettered(ILogger logger, long id, string subscriptionId, Uri callback, string reason);

        [LoggerMessage(4, LogLevel.Error, "Delivering notification {Id} of subscription {SubscriptionId} failed unexpectedly; trying again")]
        public static partial void DeliveryFailed(ILogger logger, long id, string subscriptionId, Exception error);
    }
}
