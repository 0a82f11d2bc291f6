using Microsoft.Extensions.Logging;
using PrecisionCloud.Resources.Networking;
using PrecisionCloud.Resources.Providers;
using PrecisionCloud.Resources.Storage;
using PrecisionCloud.Resources.Tenancy;

namespace PrecisionCloud.Resources.Reconciliation;

/// <summary>
/// Makes the backends match the desired state. A pass lists what each provider holds, then for every resource
/// creates what is missing, applies what changed (a hash mismatch), repairs drift (deleted or changed behind our
/// back, told apart from our own changes by the hash last applied), restarts exited workloads per their policy,
/// deletes what was asked and what is ours but no longer desired. Unchanged resources cost a dictionary lookup and
/// no write. Failures back off per resource. Backend calls run outside the writer; results are committed under it
/// only if the resource is still the one seen.
/// </summary>
internal sealed partial class ResourceReconciler(ResourceManager manager) : IDisposable
{
    private readonly Dictionary<string, Backoff> _backoff = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _pass = new(1, 1);

    // One pass at a time: a pass judges what is an orphan from the snapshot it took, so two passes interleaved
    // could delete what the other just created.
    public async Task<ReconcileReport> RunPassAsync(CancellationToken cancellationToken)
    {
        await _pass.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await RunPassLockedAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _pass.Release();
        }
    }

    private async Task<ReconcileReport> RunPassLockedAsync(CancellationToken cancellationToken)
    {
        var started = manager.Time.GetTimestamp();
        var (tenants, networks, policies, volumes, workloads) = manager.Snapshot();
        var tally = new Tally();
        var tenancy = manager.Providers.OfType<ITenancyProvider>().ToArray();
        // Networks and policies go only where they can be realised; the rest of a provider's concern still applies.
        var networking = manager.Providers.OfType<INetworkProvider>().Where(p => p.Capabilities.Networks).ToArray();
        var policing = manager.Providers.OfType<INetworkProvider>().Where(p => p.Capabilities.SecurityPolicies).ToArray();
        var storage = manager.Providers.OfType<IStorageProvider>().ToArray();

        // Creation order: what workloads refer to exists first. Deletion order: workloads before what they used.
        await ReconcileSharedAsync(ResourceKind.Tenant, tenants, t => t.Uid, t => t.Key, t => t.Deleting, t => t.Generation, t => t.Status,
            tenancy, (p, t, hash, ct) => p.ApplyTenantAsync(new ResourceDeployment<TenantSpec>(t.Uid, t.Spec, hash), ct),
            t => Hash(t.Spec, ResourcesJsonContext.Default.TenantSpec), (p, uid, ct) => p.DeleteTenantAsync(uid, ct), (p, ct) => p.ListTenantsAsync(ct),
            tally, cancellationToken).ConfigureAwait(false);
        await ReconcileSharedAsync(ResourceKind.Network, networks, n => n.Uid, n => n.Key, n => n.Deleting, n => n.Generation, n => n.Status,
            networking, (p, n, hash, ct) => p.ApplyNetworkAsync(new ResourceDeployment<NetworkSpec>(n.Uid, n.Spec, hash), ct),
            n => Hash(n.Spec, ResourcesJsonContext.Default.NetworkSpec), (p, uid, ct) => p.DeleteNetworkAsync(uid, ct), (p, ct) => p.ListNetworksAsync(ct),
            tally, cancellationToken).ConfigureAwait(false);
        await ReconcileSharedAsync(ResourceKind.SecurityPolicy, policies, p => p.Uid, p => p.Key, p => p.Deleting, p => p.Generation, p => p.Status,
            policing, (p, s, hash, ct) => p.ApplySecurityPolicyAsync(new ResourceDeployment<SecurityPolicySpec>(s.Uid, s.Spec, hash), ct),
            s => Hash(s.Spec, ResourcesJsonContext.Default.SecurityPolicySpec), (p, uid, ct) => p.DeleteSecurityPolicyAsync(uid, ct), (p, ct) => p.ListSecurityPoliciesAsync(ct),
            tally, cancellationToken).ConfigureAwait(false);
        await ReconcileVolumesAsync(volumes, storage, tally, cancellationToken).ConfigureAwait(false);
        await ReconcileWorkloadsAsync(workloads, tally, cancellationToken).ConfigureAwait(false);

        // Forget what the backends no longer hold, in reverse order of dependency.
        (tenants, networks, policies, volumes, _) = manager.Snapshot();
        await ForgetDeletedAsync(volumes.Where(v => v.Deleting), v => v.Uid, v => v.Status.BackendId is not null && v.Status.Provider is { } p ? [p] : [], cancellationToken).ConfigureAwait(false);
        await ForgetDeletedAsync(policies.Where(p => p.Deleting), p => p.Uid, p => p.Status.BackendIds.Keys, cancellationToken).ConfigureAwait(false);
        await ForgetDeletedAsync(networks.Where(n => n.Deleting), n => n.Uid, n => n.Status.BackendIds.Keys, cancellationToken).ConfigureAwait(false);
        await ForgetDeletedAsync(tenants.Where(t => t.Deleting), t => t.Uid, t => t.Status.BackendIds.Keys, cancellationToken).ConfigureAwait(false);

        var report = tally.ToReport();
        var metrics = manager.Metrics;
        if (metrics is not null)
        {
            metrics.Pass(manager.Time.GetElapsedTime(started));
            metrics.Reconciled("created", report.Created);
            metrics.Reconciled("updated", report.Updated);
            metrics.Reconciled("deleted", report.Deleted);
            metrics.Reconciled("drift_repaired", report.DriftRepaired);
            metrics.Reconciled("restarted", report.Restarted);
            metrics.Reconciled("orphan_deleted", report.OrphansDeleted);
            metrics.Reconciled("failed", report.Failed);
        }

        return report;
    }

    public void Dispose() => _pass.Dispose();

    /// <summary>When the next retry or restart is due, if any waits.</summary>
    public DateTimeOffset? NextDue()
    {
        lock (_backoff)
        {
            return _backoff.Count == 0 ? null : _backoff.Values.Min(b => b.NotBefore);
        }
    }

    private static string Hash<T>(T spec, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) => ResourceManager.Hash(spec, type);

    // Tenants, networks and security policies live on every provider of their concern.
    private async Task ReconcileSharedAsync<TRecord, TProvider>(
        ResourceKind kind, TRecord[] records, Func<TRecord, string> uidOf, Func<TRecord, string> keyOf, Func<TRecord, bool> deletingOf,
        Func<TRecord, long> generationOf, Func<TRecord, ResourceStatus> statusOf, TProvider[] providers,
        Func<TProvider, TRecord, string, CancellationToken, Task<ObservedResource>> apply, Func<TRecord, string> hashOf,
        Func<TProvider, string, CancellationToken, Task> delete, Func<TProvider, CancellationToken, Task<IReadOnlyList<ObservedResource>>> list,
        Tally tally, CancellationToken cancellationToken)
        where TProvider : IResourceProvider
    {
        var desired = records.ToDictionary(uidOf, StringComparer.Ordinal);

        // Each record's hash once per pass, not once per provider: it serializes the spec.
        var hashes = records.ToDictionary(uidOf, hashOf, StringComparer.Ordinal);
        foreach (var provider in providers)
        {
            IReadOnlyList<ObservedResource> observed;
            try
            {
                observed = await list(provider, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                tally.Failed++;
                LogListFailed(manager.Logger, provider.Name, kind, exception);
                continue;
            }

            var byUid = observed.ToDictionary(o => o.Uid, StringComparer.Ordinal);
            foreach (var record in records)
            {
                var uid = uidOf(record);
                var key = keyOf(record);
                var found = byUid.GetValueOrDefault(uid);
                var status = statusOf(record);
                if (deletingOf(record))
                {
                    if (found is not null)
                    {
                        await TryAsync(tally, uid, key, kind, provider.Name, async ct =>
                        {
                            await delete(provider, uid, ct).ConfigureAwait(false);
                            tally.Deleted++;
                            await manager.WriteAsync(() => manager.UpdateStatus(kind, key, uid, s => s with { BackendIds = Without(s.BackendIds, provider.Name) }, "Deleted"), ct).ConfigureAwait(false);
                        }, cancellationToken).ConfigureAwait(false);
                    }
                    else if (status.BackendIds.ContainsKey(provider.Name))
                    {
                        await manager.WriteAsync(() => manager.UpdateStatus(kind, key, uid, s => s with { BackendIds = Without(s.BackendIds, provider.Name) }, "Deleted"), cancellationToken).ConfigureAwait(false);
                    }

                    continue;
                }

                var hash = hashes[uid];
                if (found is not null && found.SpecHash == hash)
                {
                    if (status.BackendIds.GetValueOrDefault(provider.Name) == found.BackendId && status.ObservedGeneration == generationOf(record) && status.Ready == found.Ready)
                    {
                        tally.Unchanged++;
                        continue;
                    }
                }

                if (!Due(uid + "@" + provider.Name))
                {
                    tally.Waiting++;
                    continue;
                }

                var drift = found is null ? status.BackendIds.ContainsKey(provider.Name) && status.ObservedGeneration == generationOf(record)
                    : found.SpecHash != hash && status.ObservedGeneration == generationOf(record);
                await TryAsync(tally, uid + "@" + provider.Name, key, kind, provider.Name, async ct =>
                {
                    var result = found is not null && found.SpecHash == hash ? found : await apply(provider, record, hash, ct).ConfigureAwait(false);
                    if (drift)
                    {
                        tally.DriftRepaired++;
                        LogDriftRepaired(manager.Logger, kind, key, provider.Name, found is null ? "deleted" : "changed");
                    }
                    else if (found is null)
                    {
                        tally.Created++;
                    }
                    else if (found.SpecHash != hash)
                    {
                        tally.Updated++;
                    }

                    var reason = drift ? "DriftRepaired" : found is null ? "Provisioned" : "Applied";
                    await manager.WriteAsync(() => manager.UpdateStatus(kind, key, uid, s => s with
                    {
                        BackendIds = With(s.BackendIds, provider.Name, result.BackendId),
                        Ready = result.Ready,
                        ObservedGeneration = generationOf(record),
                        Message = result.Message,
                        Events = manager.AddEvent(s.Events, reason, drift ? $"{(found is null ? "deleted" : "changed")} behind our back on '{provider.Name}'; repaired" : $"{reason.ToLowerInvariant()} on '{provider.Name}' as {result.BackendId}"),
                    }, reason), ct).ConfigureAwait(false);
                }, cancellationToken).ConfigureAwait(false);
            }

            await DeleteOrphansAsync(observed.Where(o => !desired.ContainsKey(o.Uid)).Select(o => o.Uid), kind, provider, delete, tally, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ReconcileVolumesAsync(Volume[] volumes, IStorageProvider[] providers, Tally tally, CancellationToken cancellationToken)
    {
        foreach (var provider in providers)
        {
            IReadOnlyList<ObservedResource> observed;
            try
            {
                observed = await provider.ListVolumesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                tally.Failed++;
                LogListFailed(manager.Logger, provider.Name, ResourceKind.Volume, exception);
                continue;
            }

            var byUid = observed.ToDictionary(o => o.Uid, StringComparer.Ordinal);
            var mine = volumes.Where(v => v.Status.Provider == provider.Name).ToArray();
            foreach (var volume in mine)
            {
                var found = byUid.GetValueOrDefault(volume.Uid);
                if (volume.Deleting)
                {
                    if (found is not null || volume.Status.BackendId is not null)
                    {
                        await TryAsync(tally, volume.Uid, volume.Key, ResourceKind.Volume, provider.Name, async ct =>
                        {
                            await provider.DeleteVolumeAsync(volume.Uid, ct).ConfigureAwait(false);
                            tally.Deleted++;
                            await manager.WriteAsync(() => manager.UpdateVolume(volume, v => v with { Status = v.Status with { BackendId = null, Ready = false } }, "Deleted"), ct).ConfigureAwait(false);
                        }, cancellationToken).ConfigureAwait(false);
                    }

                    continue;
                }

                var hash = Hash(volume.Spec, ResourcesJsonContext.Default.VolumeSpec);
                if (found is not null && found.SpecHash == hash && volume.Status.BackendId == found.BackendId && volume.Status.Ready == found.Ready)
                {
                    tally.Unchanged++;
                    continue;
                }

                if (!Due(volume.Uid))
                {
                    tally.Waiting++;
                    continue;
                }

                var drift = volume.Status.BackendId is not null && (found is null || found.SpecHash != hash) && volume.Status.Ready;
                await TryAsync(tally, volume.Uid, volume.Key, ResourceKind.Volume, provider.Name, async ct =>
                {
                    var result = found is not null && found.SpecHash == hash ? found
                        : await provider.ApplyVolumeAsync(new ResourceDeployment<VolumeSpec>(volume.Uid, volume.Spec, hash), ct).ConfigureAwait(false);
                    Count(tally, drift, found is null, found is not null && found.SpecHash != hash);
                    var reason = drift ? "DriftRepaired" : found is null ? "Provisioned" : "Applied";
                    await manager.WriteAsync(() => manager.UpdateVolume(volume, v => v with
                    {
                        Status = v.Status with
                        {
                            BackendId = result.BackendId,
                            Ready = result.Ready,
                            Events = manager.AddEvent(v.Status.Events, reason, drift ? "lost or changed behind our back; repaired" : $"{reason.ToLowerInvariant()} as {result.BackendId}"),
                        },
                    }, reason), ct).ConfigureAwait(false);
                }, cancellationToken).ConfigureAwait(false);
            }

            var desired = volumes.Where(v => v.Status.Provider == provider.Name).Select(v => v.Uid).ToHashSet(StringComparer.Ordinal);
            await DeleteOrphansAsync(observed.Where(o => !desired.Contains(o.Uid)).Select(o => o.Uid), ResourceKind.Volume, provider,
                (p, uid, ct) => p.DeleteVolumeAsync(uid, ct), tally, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ForgetDeletedAsync<TRecord>(IEnumerable<TRecord> records, Func<TRecord, string> uidOf, Func<TRecord, IEnumerable<string>> heldBy, CancellationToken cancellationToken)
        where TRecord : class
    {
        foreach (var record in records)
        {
            if (!heldBy(record).Any())
            {
                await manager.WriteAsync(() =>
                {
                    manager.Forget(record);
                    return true;
                }, cancellationToken).ConfigureAwait(false);
                Forgive(uidOf(record));
            }
        }
    }

    private async Task DeleteOrphansAsync<TProvider>(IEnumerable<string> uids, ResourceKind kind, TProvider provider, Func<TProvider, string, CancellationToken, Task> delete, Tally tally, CancellationToken cancellationToken)
        where TProvider : IResourceProvider
    {
        foreach (var uid in uids)
        {
            await TryAsync(tally, "orphan:" + uid, uid, kind, provider.Name, async ct =>
            {
                await delete(provider, uid, ct).ConfigureAwait(false);
                tally.OrphansDeleted++;
                LogOrphanDeleted(manager.Logger, kind, uid, provider.Name);
            }, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task TryAsync(Tally tally, string retryKey, string key, ResourceKind kind, string provider, Func<CancellationToken, Task> action, CancellationToken cancellationToken)
    {
        try
        {
            await action(cancellationToken).ConfigureAwait(false);
            Forgive(retryKey);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            tally.Failed++;
            var delay = Fail(retryKey);
            LogBackendFailed(manager.Logger, kind, key, provider, delay, exception);
        }
    }

    private static void Count(Tally tally, bool drift, bool created, bool updated)
    {
        if (drift)
        {
            tally.DriftRepaired++;
        }
        else if (created)
        {
            tally.Created++;
        }
        else if (updated)
        {
            tally.Updated++;
        }
    }

    private bool Due(string key)
    {
        lock (_backoff)
        {
            return !_backoff.TryGetValue(key, out var backoff) || backoff.NotBefore <= manager.Time.GetUtcNow();
        }
    }

    private TimeSpan Fail(string key)
    {
        lock (_backoff)
        {
            var attempts = (_backoff.GetValueOrDefault(key)?.Attempts ?? 0) + 1;
            var delay = Delay(attempts);
            _backoff[key] = new Backoff(attempts, manager.Time.GetUtcNow() + delay);
            return delay;
        }
    }

    private void Forgive(string key)
    {
        lock (_backoff)
        {
            _backoff.Remove(key);
        }
    }

    private TimeSpan Delay(int attempts)
    {
        var options = manager.Options;
        var ticks = options.RetryInitialDelay.Ticks * Math.Pow(2, Math.Min(attempts - 1, 30));
        return ticks >= options.RetryMaxDelay.Ticks ? options.RetryMaxDelay : TimeSpan.FromTicks((long)ticks);
    }

    private static Dictionary<string, string> With(IReadOnlyDictionary<string, string> map, string key, string value) =>
        new(map.Where(p => p.Key != key).Append(new KeyValuePair<string, string>(key, value)), StringComparer.Ordinal);

    private static Dictionary<string, string> Without(IReadOnlyDictionary<string, string> map, string key) =>
        new(map.Where(p => p.Key != key), StringComparer.Ordinal);

    private sealed record Backoff(int Attempts, DateTimeOffset NotBefore);

    private sealed class Tally
    {
        public int Created { get; set; }

        public int Updated { get; set; }

        public int Deleted { get; set; }

        public int DriftRepaired { get; set; }

        public int Restarted { get; set; }

        public int OrphansDeleted { get; set; }

        public int Unchanged { get; set; }

        public int Failed { get; set; }

        public int Waiting { get; set; }

        public ReconcileReport ToReport() => new()
        {
            Created = Created,
            Updated = Updated,
            Deleted = Deleted,
            DriftRepaired = DriftRepaired,
            Restarted = Restarted,
            OrphansDeleted = OrphansDeleted,
            Unchanged = Unchanged,
            Failed = Failed,
            Waiting = Waiting,
        };
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "Listing {Kind} resources of provider {Provider} failed; its resources wait for the next pass")]
    private static partial void LogListFailed(ILogger logger, string provider, ResourceKind kind, Exception exception);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "{Kind} {Key} on provider {Provider} failed; retry in {Delay}")]
    private static partial void LogBackendFailed(ILogger logger, ResourceKind kind, string key, string provider, TimeSpan delay, Exception exception);

    [LoggerMessage(EventId = 12, Level = LogLevel.Warning, Message = "{Kind} {Key} was {How} behind our back on provider {Provider}; repaired")]
    private static partial void LogDriftRepaired(ILogger logger, ResourceKind kind, string key, string provider, string how);

    [LoggerMessage(EventId = 13, Level = LogLevel.Information, Message = "{Kind} {Uid} on provider {Provider} belongs to no desired resource; deleted")]
    private static partial void LogOrphanDeleted(ILogger logger, ResourceKind kind, string uid, string provider);
}
