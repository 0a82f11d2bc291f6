using System.Globalization;
using Microsoft.Extensions.Logging;
using PrecisionCloud.Resources.Compute;
using PrecisionCloud.Resources.Providers;

namespace PrecisionCloud.Resources.Reconciliation;

internal sealed partial class ResourceReconciler
{
    private readonly Dictionary<string, DateTimeOffset> _runningSince = new(StringComparer.Ordinal);

    private async Task ReconcileWorkloadsAsync(Workload[] workloads, Tally tally, CancellationToken cancellationToken)
    {
        var observed = new Dictionary<string, Dictionary<string, ObservedWorkload>>(StringComparer.Ordinal);
        foreach (var provider in manager.Providers.OfType<IComputeProvider>())
        {
            try
            {
                var list = await provider.ListWorkloadsAsync(cancellationToken).ConfigureAwait(false);
                var byUid = new Dictionary<string, ObservedWorkload>(list.Count, StringComparer.Ordinal);
                foreach (var item in list)
                {
                    byUid[item.Uid] = item;
                }

                observed[provider.Name] = byUid;
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                tally.Failed++;
                LogListFailed(manager.Logger, provider.Name, ResourceKind.Workload, exception);
            }
        }

        var desired = new Dictionary<string, string?>(workloads.Length, StringComparer.Ordinal);
        foreach (var workload in workloads)
        {
            desired[workload.Uid] = workload.Status.Provider;
            var provider = manager.Providers.OfType<IComputeProvider>().FirstOrDefault(p => p.Name == workload.Status.Provider);
            if (provider is null || !observed.TryGetValue(provider.Name, out var held))
            {
                if (workload.Deleting && provider is null)
                {
                    await manager.WriteAsync(() => Forget(workload), cancellationToken).ConfigureAwait(false);
                    tally.Deleted++;
                }
                else if (provider is null)
                {
                    await SetConditionAsync(workload, "Provisioned", false, "ProviderMissing", $"provider '{workload.Status.Provider}' is not configured on this site", cancellationToken).ConfigureAwait(false);
                    tally.Failed++;
                }

                continue;
            }

            var found = held.GetValueOrDefault(workload.Uid);
            if (workload.Deleting)
            {
                await TryAsync(tally, workload.Uid, workload.Key, ResourceKind.Workload, provider.Name, async ct =>
                {
                    if (found is not null)
                    {
                        await provider.DeleteWorkloadAsync(workload.Uid, ct).ConfigureAwait(false);
                    }

                    await manager.WriteAsync(() => Forget(workload), ct).ConfigureAwait(false);
                    tally.Deleted++;
                }, cancellationToken).ConfigureAwait(false);
                continue;
            }

            await ReconcileWorkloadAsync(workload, provider, found, tally, cancellationToken).ConfigureAwait(false);
        }

        foreach (var (providerName, held) in observed)
        {
            var provider = manager.Providers.OfType<IComputeProvider>().First(p => p.Name == providerName);
            var orphans = held.Keys.Where(uid => !desired.TryGetValue(uid, out var where) || where != providerName).ToArray();
            await DeleteOrphansAsync(orphans, ResourceKind.Workload, provider, (p, uid, ct) => p.DeleteWorkloadAsync(uid, ct), tally, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ReconcileWorkloadAsync(Workload workload, IComputeProvider provider, ObservedWorkload? found, Tally tally, CancellationToken cancellationToken)
    {
        var status = workload.Status;
        if (found is not null && found.SpecHash == workload.DesiredHash)
        {
            var exited = found.Replicas.Where(r => r.State == ReplicaState.Exited).ToArray();
            var restart = exited.Length > 0 && exited.Any(r => workload.Spec.RestartPolicy == RestartPolicy.Always
                || (workload.Spec.RestartPolicy == RestartPolicy.OnFailure && r.ExitCode != 0));
            if (!restart)
            {
                var next = Observe(workload, found);
                if (next is null)
                {
                    tally.Unchanged++;
                }
                else
                {
                    await manager.WriteAsync(() => manager.UpdateWorkload(workload, _ => next, next.Status.Phase.ToString()), cancellationToken).ConfigureAwait(false);
                }

                return;
            }

            if (!Due(workload.Uid))
            {
                tally.Waiting++;
                return;
            }

            await ApplyAsync(workload, provider, found, tally, restartOf: exited, cancellationToken).ConfigureAwait(false);
            return;
        }

        // A workload that finished under its policy stays finished even when the backend has cleaned it up.
        if (found is null && status.Phase is WorkloadPhase.Succeeded or WorkloadPhase.Failed && status.AppliedHash == workload.DesiredHash)
        {
            tally.Unchanged++;
            return;
        }

        if (!Due(workload.Uid))
        {
            tally.Waiting++;
            return;
        }

        await ApplyAsync(workload, provider, found, tally, restartOf: null, cancellationToken).ConfigureAwait(false);
    }

    private async Task ApplyAsync(Workload workload, IComputeProvider provider, ObservedWorkload? found, Tally tally, ObservedReplica[]? restartOf, CancellationToken cancellationToken)
    {
        var deployment = await manager.WriteAsync(() => manager.BuildDeployment(workload), cancellationToken).ConfigureAwait(false);
        if (deployment is null)
        {
            tally.Waiting++;
            await SetConditionAsync(workload, "Provisioned", false, "WaitingForDependencies", "a volume or network it attaches is not ready yet", cancellationToken).ConfigureAwait(false);
            return;
        }

        var status = workload.Status;
        var drift = status.AppliedHash == workload.DesiredHash && restartOf is null;
        string reason;
        string message;
        if (restartOf is not null)
        {
            reason = "Restarted";
            message = Text($"replica {restartOf[0].Index} exited with code {restartOf[0].ExitCode}; restart {status.Restarts + 1} ({workload.Spec.RestartPolicy})");
        }
        else if (drift)
        {
            reason = "DriftRepaired";
            message = found is null ? $"deleted behind our back on '{provider.Name}'; created again" : $"changed behind our back on '{provider.Name}'; applied again";
        }
        else
        {
            reason = found is null ? "Created" : "Updated";
            message = Text($"{reason.ToLowerInvariant()} on '{provider.Name}' node '{deployment.Node}' as {deployment.Kind} (generation {workload.Generation})");
        }

        var restarted = false;
        await TryAsync(tally, workload.Uid, workload.Key, ResourceKind.Workload, provider.Name, async ct =>
        {
            var result = await provider.ApplyWorkloadAsync(deployment, ct).ConfigureAwait(false);
            if (restartOf is not null)
            {
                tally.Restarted++;
                restarted = true;
            }
            else
            {
                Count(tally, drift, found is null, found is not null);
                if (drift)
                {
                    LogDriftRepaired(manager.Logger, ResourceKind.Workload, workload.Key, provider.Name, found is null ? "deleted" : "changed");
                }
            }

            await manager.WriteAsync(() => manager.UpdateWorkload(workload, current =>
            {
                var applied = current with
                {
                    Status = current.Status with
                    {
                        AppliedHash = deployment.SpecHash,
                        ObservedGeneration = current.Generation,
                        Restarts = current.Status.Restarts + (restartOf is null ? 0 : 1),
                        Conditions = SetCondition(current.Status.Conditions, "Provisioned", true, reason, message),
                        Events = manager.AddEvent(current.Status.Events, reason, message),
                    },
                };
                return Observe(applied, result) ?? applied;
            }, reason), ct).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);

        if (restarted)
        {
            // Crash loops back off: the next restart waits longer unless the workload then runs for a while.
            var delay = Fail(workload.Uid);
            LogRestarted(manager.Logger, workload.Key, restartOf![0].ExitCode, delay);
        }
        else if (!Due(workload.Uid) && restartOf is null)
        {
            await SetConditionAsync(workload, "Provisioned", false, "BackendError", $"{provider.Name} failed; retrying with backoff (see the log)", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The workload with its status read from what the provider holds, or <see langword="null"/> when nothing changed.</summary>
    private Workload? Observe(Workload workload, ObservedWorkload found)
    {
        var status = workload.Status;
        var replicas = found.Replicas;
        var running = replicas.Count(r => r.State == ReplicaState.Running);
        var exited = replicas.Where(r => r.State == ReplicaState.Exited).ToArray();
        var wanted = workload.Spec.Kind is WorkloadKind.Container or WorkloadKind.Auto && status.Kind == WorkloadKind.Container ? workload.Spec.Replicas : 1;
        var phase = running == wanted ? WorkloadPhase.Running
            : exited.Length == replicas.Count && replicas.Count > 0 ? (exited.All(r => r.ExitCode == 0) ? WorkloadPhase.Succeeded : WorkloadPhase.Failed)
            : running > 0 || exited.Length > 0 ? WorkloadPhase.Degraded
            : WorkloadPhase.Provisioning;
        var exitCode = exited.Length > 0 ? exited.FirstOrDefault(r => r.ExitCode != 0)?.ExitCode ?? exited[0].ExitCode : status.ExitCode;
        var node = replicas.FirstOrDefault(r => r.Node is not null)?.Node ?? status.Node;
        var now = manager.Time.GetUtcNow();
        if (phase == WorkloadPhase.Running)
        {
            lock (_backoff)
            {
                if (!_runningSince.TryGetValue(workload.Uid, out var since))
                {
                    _runningSince[workload.Uid] = now;
                }
                else if (now - since >= manager.Options.RetryMaxDelay)
                {
                    _backoff.Remove(workload.Uid);
                }
            }
        }
        else
        {
            lock (_backoff)
            {
                _runningSince.Remove(workload.Uid);
            }
        }

        if (phase == status.Phase && running == status.ReadyReplicas && exitCode == status.ExitCode && node == status.Node && found.BackendId == status.BackendId)
        {
            return null;
        }

        var ready = phase == WorkloadPhase.Running;
        var reason = phase switch
        {
            WorkloadPhase.Running => "Running",
            WorkloadPhase.Succeeded => "Completed",
            WorkloadPhase.Failed => "Exited",
            WorkloadPhase.Degraded => "ReplicasDown",
            _ => "Starting",
        };
        var message = phase switch
        {
            WorkloadPhase.Running => Text($"{running} of {wanted} replicas running on '{node}'"),
            WorkloadPhase.Succeeded => "every replica exited with code 0",
            WorkloadPhase.Failed => Text($"exited with code {exitCode}; restart policy {workload.Spec.RestartPolicy}"),
            WorkloadPhase.Degraded => Text($"{running} of {wanted} replicas running{(found.Message is null ? string.Empty : ": " + found.Message)}"),
            _ => found.Message ?? "starting",
        };
        return workload with
        {
            Status = status with
            {
                Phase = phase,
                ReadyReplicas = running,
                ExitCode = exitCode,
                Node = node,
                BackendId = found.BackendId,
                Conditions = SetCondition(status.Conditions, "Ready", ready, reason, message),
                Events = phase == status.Phase ? status.Events : manager.AddEvent(status.Events, reason, message),
            },
        };
    }

    private async Task SetConditionAsync(Workload workload, string type, bool value, string reason, string message, CancellationToken cancellationToken)
    {
        await manager.WriteAsync(() => manager.UpdateWorkload(workload, current =>
        {
            var existing = current.Status.Conditions.FirstOrDefault(c => c.Type == type);
            if (existing is not null && existing.Status == value && existing.Reason == reason)
            {
                return current;
            }

            return current with
            {
                Status = current.Status with
                {
                    Conditions = SetCondition(current.Status.Conditions, type, value, reason, message),
                    Events = manager.AddEvent(current.Status.Events, reason, message),
                },
            };
        }, reason), cancellationToken).ConfigureAwait(false);
    }

    private List<WorkloadCondition> SetCondition(IReadOnlyList<WorkloadCondition> conditions, string type, bool value, string reason, string message)
    {
        var existing = conditions.FirstOrDefault(c => c.Type == type);
        var since = existing is not null && existing.Status == value ? existing.Since : manager.Time.GetUtcNow();
        return [.. conditions.Where(c => c.Type != type), new WorkloadCondition(type, value, reason, message, since)];
    }

    private bool Forget(Workload workload)
    {
        manager.ForgetWorkload(workload);
        Forgive(workload.Uid);
        lock (_backoff)
        {
            _runningSince.Remove(workload.Uid);
        }

        return true;
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(EventId = 14, Level = LogLevel.Information, Message = "Workload {Key} exited with code {ExitCode}; restarted, the next restart waits {Delay}")]
    private static partial void LogRestarted(ILogger logger, string key, int? exitCode, TimeSpan delay);
}
