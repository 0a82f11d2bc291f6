using System.Globalization;
using PrecisionCloud.Resources.Compute;
using PrecisionCloud.Resources.Oci.Host;
using PrecisionCloud.Resources.Oci.Images;
using PrecisionCloud.Resources.Oci.Runtime;
using PrecisionCloud.Resources.Providers;

namespace PrecisionCloud.Resources.Oci;

public sealed partial class OciProvider
{
    /// <inheritdoc/>
    public async Task<ObservedWorkload> ApplyWorkloadAsync(WorkloadDeployment deployment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var host = await HostAsync(cancellationToken).ConfigureAwait(false);
        var runtime = _runtime ?? throw new InvalidOperationException($"provider '{Name}' cannot run containers here: {Missing(host, "Kind:Container")}");
        if (deployment.Kind != WorkloadKind.Container)
        {
            throw new InvalidOperationException($"provider '{Name}' runs containers, not {deployment.Kind}");
        }

        if (!IsUid(deployment.Uid))
        {
            throw new ArgumentException($"'{deployment.Uid}' is not a uid", nameof(deployment));
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var directory = Path.Combine(WorkloadsDirectory, deployment.Uid);
            var recordPath = Path.Combine(directory, "workload.json");
            var record = ReadRecord(recordPath, OciJsonContext.Default.WorkloadRecord);
            var replicas = Math.Max(1, deployment.Spec.Replicas);
            if (record is not null && record.SpecHash != deployment.SpecHash)
            {
                // A new spec: every replica starts again from the new image and configuration.
                for (var i = 0; i < record.Replicas; i++)
                {
                    await RemoveReplicaAsync(runtime, deployment.Uid, i, cancellationToken).ConfigureAwait(false);
                }
            }
            else if (record is not null)
            {
                for (var i = replicas; i < record.Replicas; i++)
                {
                    await RemoveReplicaAsync(runtime, deployment.Uid, i, cancellationToken).ConfigureAwait(false);
                }
            }

            var image = await _images.GetAsync(deployment.Spec.Image.Reference, cancellationToken).ConfigureAwait(false);
            var addresses = new List<IReadOnlyDictionary<string, string>>();
            for (var i = 0; i < replicas; i++)
            {
                addresses.Add(deployment.Networks.ToDictionary(n => n.Network.Name, n => n.ReplicaAddresses[Math.Min(i, n.ReplicaAddresses.Count - 1)], StringComparer.Ordinal));
            }

            // The record is written before the containers start, so a crash in between leaves them findable.
            await WriteRecordAsync(recordPath, new WorkloadRecord(deployment.Uid, deployment.SpecHash, deployment.Node, replicas, addresses), OciJsonContext.Default.WorkloadRecord, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < replicas; i++)
            {
                await EnsureReplicaAsync(host, runtime, deployment, image, i, cancellationToken).ConfigureAwait(false);
            }

            return await ObserveAsync(runtime, deployment.Uid, await runtime.ListAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"workload {deployment.Uid} vanished while it was applied");
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public async Task DeleteWorkloadAsync(string uid, CancellationToken cancellationToken)
    {
        if (!IsUid(uid))
        {
            return;
        }

        var host = await HostAsync(cancellationToken).ConfigureAwait(false);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var directory = Path.Combine(WorkloadsDirectory, uid);
            var record = ReadRecord(Path.Combine(directory, "workload.json"), OciJsonContext.Default.WorkloadRecord);
            var replicas = Directory.Exists(Path.Combine(directory, "replicas"))
                ? Directory.GetDirectories(Path.Combine(directory, "replicas")).Select(d => int.TryParse(Path.GetFileName(d), CultureInfo.InvariantCulture, out var i) ? i : -1).Where(i => i >= 0).Append((record?.Replicas ?? 0) - 1).Max() + 1
                : record?.Replicas ?? 0;
            if (_runtime is { } runtime)
            {
                for (var i = 0; i < replicas; i++)
                {
                    await RemoveReplicaAsync(runtime, uid, i, cancellationToken).ConfigureAwait(false);
                }
            }
            else if (replicas > 0)
            {
                throw new InvalidOperationException($"provider '{Name}' cannot remove containers here: {Missing(host, "Kind:Container")}");
            }

            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<ObservedWorkload>> ListWorkloadsAsync(CancellationToken cancellationToken)
    {
        await HostAsync(cancellationToken).ConfigureAwait(false);
        if (_runtime is not { } runtime || !Directory.Exists(WorkloadsDirectory))
        {
            return [];
        }

        var containers = await runtime.ListAsync(cancellationToken).ConfigureAwait(false);
        var result = new List<ObservedWorkload>();
        foreach (var directory in Directory.GetDirectories(WorkloadsDirectory))
        {
            if (await ObserveAsync(runtime, Path.GetFileName(directory), containers, cancellationToken).ConfigureAwait(false) is { } observed)
            {
                result.Add(observed);
            }
        }

        return result;
    }

    /// <summary>The exit code a shim is about to write (within a few hundred milliseconds), or <see langword="null"/>.</summary>
    private static async Task<int?> AwaitExitCodeAsync(string exitFile, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            await Task.Delay(25, cancellationToken).ConfigureAwait(false);
            if (await ReadExitCodeAsync(exitFile, cancellationToken).ConfigureAwait(false) is { } exitCode)
            {
                return exitCode;
            }
        }

        return null;
    }

    private async Task<ObservedWorkload?> ObserveAsync(OciContainerRuntime runtime, string uid, IReadOnlyDictionary<string, ContainerStatus> containers, CancellationToken cancellationToken)
    {
        var record = ReadRecord(Path.Combine(WorkloadsDirectory, uid, "workload.json"), OciJsonContext.Default.WorkloadRecord);
        if (record is null)
        {
            return null;
        }

        var replicas = new List<ObservedReplica>();
        for (var i = 0; i < record.Replicas; i++)
        {
            var exitFile = Path.Combine(ReplicaDirectory(uid, i), "exit");
            var addresses = i < record.Addresses.Count ? record.Addresses[i] : null;
            if (containers.TryGetValue(ContainerId(uid, i), out var container) && container.Status != "stopped")
            {
                replicas.Add(new ObservedReplica(i, container.Status == "running" ? ReplicaState.Running : ReplicaState.Creating, null, record.Node, addresses));
            }
            else if (await ReadExitCodeAsync(exitFile, cancellationToken).ConfigureAwait(false) is { } exitCode)
            {
                replicas.Add(new ObservedReplica(i, ReplicaState.Exited, exitCode, record.Node, addresses));
            }
            else if (container is not null)
            {
                // Stopped, and the shim has not written the code yet (or was killed with it).
                replicas.Add(new ObservedReplica(i, ReplicaState.Unknown, null, record.Node, addresses));
            }
            else if (await AwaitExitCodeAsync(exitFile, cancellationToken).ConfigureAwait(false) is { } lateExitCode)
            {
                // `run` removes the container as it returns, and the shim writes the code a moment later.
                replicas.Add(new ObservedReplica(i, ReplicaState.Exited, lateExitCode, record.Node, addresses));
            }

            // Neither a container nor an exit code: the replica is gone, and the workload is not as applied.
        }

        var complete = replicas.Count == record.Replicas;
        return new ObservedWorkload(uid, "pc-" + uid, complete ? record.SpecHash : record.SpecHash + "+missing-replicas", replicas,
            complete ? null : $"{record.Replicas - replicas.Count} of {record.Replicas} replicas are gone from the runtime");
    }

    private async Task EnsureReplicaAsync(OciHostReport host, OciContainerRuntime runtime, WorkloadDeployment deployment, OciImage image, int replica, CancellationToken cancellationToken)
    {
        var id = ContainerId(deployment.Uid, replica);
        var state = await runtime.StateAsync(id, cancellationToken).ConfigureAwait(false);
        if (state is { Status: "running" or "created" or "creating" })
        {
            return;
        }

        var directory = ReplicaDirectory(deployment.Uid, replica);
        var exitFile = Path.Combine(directory, "exit");
        if (state is not null)
        {
            await runtime.StopAndDeleteAsync(id, exitFile, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        }

        Directory.CreateDirectory(directory);
        await MountRootfsAsync(host, image, directory, cancellationToken).ConfigureAwait(false);
        string? netns = null;
        if (deployment.Networks.Count > 0 || deployment.SecurityPolicies.Count > 0)
        {
            var networking = _networking ?? throw new InvalidOperationException($"provider '{Name}' cannot attach networks here: {Missing(host, "Networks")}");
            netns = await networking.CreateNamespaceAsync(deployment.Uid, replica, deployment.Networks, deployment.SecurityPolicies, cancellationToken).ConfigureAwait(false);
        }

        var config = Configure(host, deployment, image, replica, netns);
        await File.WriteAllTextAsync(Path.Combine(directory, "config.json"), OciBundle.Config(config), cancellationToken).ConfigureAwait(false);
        var log = Path.Combine(directory, "log");
        if (File.Exists(log) && new FileInfo(log).Length > _options.MaxLogBytes)
        {
            File.Move(log, log + ".1", overwrite: true);
        }

        await runtime.StartAsync(id, directory, log, exitFile, cancellationToken).ConfigureAwait(false);
        LogStarted(_logger, id, image.Reference);
    }

    private ContainerConfig Configure(OciHostReport host, WorkloadDeployment deployment, OciImage image, int replica, string? netns)
    {
        var spec = deployment.Spec;
        var args = spec.Command.Count > 0 ? spec.Command : [.. image.Entrypoint, .. image.Cmd];
        if (args.Count == 0)
        {
            throw new OciImageException(image.Reference, "has no entry point or command, and the workload gives no command");
        }

        var hostname = spec.Replicas > 1 ? string.Create(CultureInfo.InvariantCulture, $"{spec.Name}-{replica}") : spec.Name;
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in image.Env)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                environment[pair[..equals]] = pair[(equals + 1)..];
            }
        }

        environment.TryAdd("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        environment["HOSTNAME"] = hostname;
        foreach (var (key, value) in spec.Environment)
        {
            environment[key] = value;
        }

        // From the image as unpacked, never from the replica's own writable root, which the container controls.
        var (uid, gid) = ImageUser.Resolve(image.User, image.Rootfs);
        var capabilities = host.Capabilities;
        var resources = spec.Resources;
        return new ContainerConfig
        {
            Hostname = hostname,
            Args = args,
            Environment = [.. environment.Select(p => $"{p.Key}={p.Value}")],
            WorkingDirectory = string.IsNullOrEmpty(image.WorkingDir) ? "/" : image.WorkingDir,
            Uid = uid,
            Gid = gid,
            NetworkNamespace = netns,
            MemoryLimitBytes = capabilities.MemoryLimits ? resources.MemoryMiB * 1024 * 1024 : null,
            CpuQuotaMicroseconds = capabilities.CpuLimits ? (long)Math.Ceiling(resources.VCpus * 100_000) : null,
            PidsLimit = _options.PidsLimit,
            HugePages2MiBLimitBytes = capabilities.HugePages && resources.HugePagesMiB > 0 ? resources.HugePagesMiB * 1024 * 1024 : null,
            Mounts = [.. deployment.Volumes.Select(v => new BindMount(v.BackendId, v.Mount.MountPath, v.Mount.ReadOnly))],
            CgroupsPath = "/precisioncloud/" + ContainerId(deployment.Uid, replica),
        };
    }

    private static async Task<string> MountRootfsAsync(OciHostReport host, OciImage image, string directory, CancellationToken cancellationToken)
    {
        var rootfs = Path.Combine(directory, "rootfs");
        if (IsMountPoint(rootfs))
        {
            return rootfs;
        }

        var marker = Path.Combine(directory, "image");
        var previous = File.Exists(marker) ? await File.ReadAllTextAsync(marker, cancellationToken).ConfigureAwait(false) : null;
        if (previous != image.ManifestDigest)
        {
            // Another image (or none yet): the replica's own changes start afresh.
            foreach (var sub in new[] { "rootfs", "upper", "work" })
            {
                if (Directory.Exists(Path.Combine(directory, sub)))
                {
                    Directory.Delete(Path.Combine(directory, sub), recursive: true);
                }
            }
        }

        Directory.CreateDirectory(rootfs);
        if (host.Overlay && host.MountPath is { } mount)
        {
            var upper = Directory.CreateDirectory(Path.Combine(directory, "upper")).FullName;
            var work = Directory.CreateDirectory(Path.Combine(directory, "work")).FullName;
            await HostCommand.CheckedAsync(mount, ["-t", "overlay", "overlay", "-o", $"lowerdir={image.Rootfs},upperdir={upper},workdir={work}", rootfs], cancellationToken).ConfigureAwait(false);
        }
        else if (previous != image.ManifestDigest)
        {
            await HostCommand.CheckedAsync(HostCommand.Find("cp") ?? "/bin/cp", ["-a", image.Rootfs + "/.", rootfs], cancellationToken).ConfigureAwait(false);
        }

        await File.WriteAllTextAsync(marker, image.ManifestDigest, cancellationToken).ConfigureAwait(false);
        return rootfs;
    }

    private async Task RemoveReplicaAsync(OciContainerRuntime runtime, string uid, int replica, CancellationToken cancellationToken)
    {
        var directory = ReplicaDirectory(uid, replica);
        var id = ContainerId(uid, replica);
        await runtime.StopAndDeleteAsync(id, Path.Combine(directory, "exit"), _options.StopTimeout, cancellationToken).ConfigureAwait(false);
        if (_networking is { } networking)
        {
            await networking.DeleteNamespaceAsync(uid, replica, cancellationToken).ConfigureAwait(false);
        }

        var rootfs = Path.Combine(directory, "rootfs");
        if (IsMountPoint(rootfs))
        {
            await HostCommand.CheckedAsync(HostCommand.Find("umount") ?? "/bin/umount", [rootfs], cancellationToken).ConfigureAwait(false);
        }

        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        LogRemoved(_logger, id);
    }

    private static async Task<int?> ReadExitCodeAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        return int.TryParse(text.Trim(), CultureInfo.InvariantCulture, out var code) ? code : null;
    }

    private static bool IsMountPoint(string path)
    {
        var full = Path.GetFullPath(path);
        return File.ReadLines("/proc/self/mountinfo").Any(line => line.Split(' ') is { Length: > 4 } fields && fields[4] == full);
    }

    private static string Missing(OciHostReport host, string feature) =>
        string.Join("; ", host.Capabilities.Missing.Where(m => m.Feature == feature).Select(m => m.Reason).DefaultIfEmpty("unknown reason"));
}
