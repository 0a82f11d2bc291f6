using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace PrecisionCloud.Resources.Kubernetes;

/// <summary>
/// The provider's Deployments as the cluster last said: one list, then a watch from its resourceVersion, resumed
/// from the last version seen when the stream ends; when the version has expired (410 Gone) it lists again.
/// </summary>
internal sealed partial class DeploymentWatch(IKubernetes client, string selector, ILogger logger) : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, V1Deployment> _items = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _starting = new(1, 1);
    private Task? _loop;
    private string? _resourceVersion;
    private int _relists;

    public int Relists => Volatile.Read(ref _relists);

    public async Task<IReadOnlyList<V1Deployment>> SnapshotAsync(CancellationToken cancellationToken)
    {
        if (_loop is null)
        {
            await _starting.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (_loop is null)
                {
                    await ListAsync(cancellationToken).ConfigureAwait(false);
                    _loop = Task.Run(() => WatchLoopAsync(_stop.Token), CancellationToken.None);
                }
            }
            finally
            {
                _starting.Release();
            }
        }

        lock (_lock)
        {
            return [.. _items.Values];
        }
    }

    /// <summary>Takes a Deployment the provider just wrote, unless the watch already knows a newer version.</summary>
    public void Remember(V1Deployment deployment)
    {
        lock (_lock)
        {
            var key = Key(deployment);
            if (!_items.TryGetValue(key, out var known) || Newer(deployment, known))
            {
                _items[key] = deployment;
            }
        }
    }

    public void Forget(V1Deployment deployment)
    {
        lock (_lock)
        {
            _items.Remove(Key(deployment));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is { } loop)
        {
            try
            {
                await loop.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        _stop.Dispose();
        _starting.Dispose();
    }

    private async Task ListAsync(CancellationToken cancellationToken)
    {
        var list = await client.AppsV1.ListDeploymentForAllNamespacesAsync(labelSelector: selector, cancellationToken: cancellationToken).ConfigureAwait(false);
        lock (_lock)
        {
            _items.Clear();
            foreach (var item in list.Items)
            {
                _items[Key(item)] = item;
            }

            _resourceVersion = list.Metadata?.ResourceVersion;
        }
    }

    private async Task WatchLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var expired = false;
                Exception? failure = null;
                await foreach (var (type, item) in client.AppsV1.WatchListDeploymentForAllNamespacesAsync(
                    labelSelector: selector, resourceVersion: _resourceVersion, allowWatchBookmarks: true,
                    onError: error => failure = error, cancellationToken: cancellationToken).ConfigureAwait(false))
                {
                    if (type == WatchEventType.Error)
                    {
                        // The server ends a watch it cannot serve with an ERROR event: in practice a 410, "too old resource version".
                        expired = true;
                        break;
                    }

                    lock (_lock)
                    {
                        switch (type)
                        {
                            case WatchEventType.Added or WatchEventType.Modified:
                                // A lagging event never replaces what the provider itself wrote later.
                                if (!_items.TryGetValue(Key(item), out var known) || Newer(item, known))
                                {
                                    _items[Key(item)] = item;
                                }

                                break;
                            case WatchEventType.Deleted:
                                _items.Remove(Key(item));
                                break;
                        }

                        _resourceVersion = item.Metadata?.ResourceVersion ?? _resourceVersion;
                    }
                }

                // The client reports an ERROR event (a Status) through onError and ends the stream.
                expired |= failure is not null && IsGone(failure);
                if (failure is not null && !expired)
                {
                    LogWatchFailed(logger, failure);
                    await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
                }

                if (expired)
                {
                    Interlocked.Increment(ref _relists);
                    LogRelist(logger, _resourceVersion ?? "none");
                    await RelistAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (IsGone(exception))
            {
                // The version is older than the server keeps: what happened since is lost, so read it all again.
                Interlocked.Increment(ref _relists);
                LogRelist(logger, _resourceVersion ?? "none");
                await RelistAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                // Whatever broke the stream (a timeout, a malformed event), the watch resumes: it must not die silently.
                LogWatchFailed(logger, exception);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task RelistAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await ListAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogWatchFailed(logger, exception);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static bool IsGone(Exception exception) => exception switch
    {
        KubernetesException { Status.Code: 410 } => true,
        HttpOperationException { Response.StatusCode: HttpStatusCode.Gone } => true,
        _ => false,
    };

    private static bool Newer(V1Deployment candidate, V1Deployment known) =>
        long.TryParse(candidate.Metadata.ResourceVersion, out var a) && long.TryParse(known.Metadata.ResourceVersion, out var b) ? a > b : true;

    private static string Key(V1Deployment deployment) => $"{deployment.Metadata.NamespaceProperty}/{deployment.Metadata.Name}";

    [LoggerMessage(EventId = 210, Level = LogLevel.Information, Message = "The Deployment watch's resourceVersion {ResourceVersion} expired (410 Gone); listed again")]
    private static partial void LogRelist(ILogger logger, string resourceVersion);

    [LoggerMessage(EventId = 211, Level = LogLevel.Warning, Message = "The Deployment watch failed; resuming")]
    private static partial void LogWatchFailed(ILogger logger, Exception exception);
}
