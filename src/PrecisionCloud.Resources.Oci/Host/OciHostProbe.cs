using System.Text.Json;
using PrecisionCloud.Resources.Compute;
using PrecisionCloud.Resources.Providers;
using PrecisionCloud.Resources.Storage;

namespace PrecisionCloud.Resources.Oci.Host;

/// <summary>
/// Finds what this host can do for containers by trying it: the runtime runs a probe container with CPU, memory and
/// pids limits (so a runtime that refuses the cgroup layout is found out, with its own words), the cgroup
/// controllers are read from the mounts, and networking and nftables are tried in a scratch namespace.
/// </summary>
internal static class OciHostProbe
{
    public static async Task<OciHostReport> ProbeAsync(OciProviderOptions options, CancellationToken cancellationToken)
    {
        var missing = new List<MissingCapability>();
        var root = Environment.IsPrivilegedProcess;
        var (mode, controllers) = ReadCgroups();
        var ip = HostCommand.Find("ip");
        var nft = HostCommand.Find("nft");
        var mount = HostCommand.Find("mount");
        var overlay = File.Exists("/proc/filesystems") && (await File.ReadAllTextAsync("/proc/filesystems", cancellationToken).ConfigureAwait(false)).Contains("\toverlay", StringComparison.Ordinal);

        string? runtimePath = null;
        var version = string.Empty;
        if (!root)
        {
            missing.Add(new MissingCapability("Kind:Container", "the provider runs containers as root (rootless runtimes are not supported); run the host as root"));
        }
        else
        {
            var candidates = string.IsNullOrEmpty(options.Runtime) ? new[] { "runc", "crun" } : [options.Runtime];
            var failures = new List<string>();
            foreach (var candidate in candidates)
            {
                var path = HostCommand.Find(candidate);
                if (path is null)
                {
                    failures.Add($"{candidate}: not installed (Debian: apt-get install {Path.GetFileName(candidate)})");
                    continue;
                }

                var failure = await TryRuntimeAsync(path, options, cancellationToken).ConfigureAwait(false);
                if (failure is null)
                {
                    runtimePath = path;
                    var (_, output, _) = await HostCommand.RunAsync(path, ["--version"], cancellationToken).ConfigureAwait(false);
                    version = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? string.Empty;
                    break;
                }

                failures.Add($"{Path.GetFileName(path)}: {failure}");
            }

            if (runtimePath is null)
            {
                missing.Add(new MissingCapability("Kind:Container", $"no OCI runtime works on this host: {string.Join("; ", failures)}"));
            }
        }

        var containers = runtimePath is not null;
        var cpu = containers && controllers.Contains("cpu");
        var memory = containers && controllers.Contains("memory");
        var hugetlb = containers && controllers.Contains("hugetlb");
        var cpuset = controllers.Contains("cpuset");
        if (containers && !cpu)
        {
            missing.Add(new MissingCapability("CpuLimits", "no cpu cgroup controller is mounted"));
        }

        if (containers && !memory)
        {
            missing.Add(new MissingCapability("MemoryLimits", "no memory cgroup controller is mounted"));
        }

        if (containers && !hugetlb)
        {
            missing.Add(new MissingCapability("HugePages", mode == CgroupMode.Hybrid
                ? "the hugetlb controller is in the cgroup2 hierarchy while the runtime uses v1 here; mount it as v1: mkdir -p /sys/fs/cgroup/hugetlb && mount -t cgroup -o hugetlb cgroup /sys/fs/cgroup/hugetlb"
                : "no hugetlb cgroup controller is mounted"));
        }

        if (containers)
        {
            missing.Add(new MissingCapability("DedicatedCpus", cpuset
                ? "CPU pinning (exclusive cpusets) is not done by this provider; containers share the node's CPUs within their quota"
                : "no cpuset cgroup controller is mounted"));
        }

        var networks = containers && ip is not null && await TryNamespaceAsync(ip, null, cancellationToken).ConfigureAwait(false) is null;
        if (containers && !networks)
        {
            missing.Add(new MissingCapability("Networks", ip is null ? "the ip command is missing (Debian: apt-get install iproute2)" : "network namespaces cannot be created here"));
        }

        string? nftFailure = nft is null ? "the nft command is missing (Debian: apt-get install nftables)" : null;
        if (networks && nft is not null)
        {
            nftFailure = await TryNamespaceAsync(ip!, nft, cancellationToken).ConfigureAwait(false);
        }

        var policies = networks && nftFailure is null;
        if (networks && !policies)
        {
            missing.Add(new MissingCapability("SecurityPolicies", $"nftables cannot filter in a container's namespace: {nftFailure}"));
        }

        if (policies)
        {
            missing.Add(new MissingCapability("RemoteGroups", "security rules here match prefixes (remoteCidr); a rule naming a remote group needs a backend with security groups"));
        }

        if (containers && !overlay)
        {
            missing.Add(new MissingCapability("OverlayRootfs", "the kernel has no overlay file system; each replica gets a full copy of its image"));
        }

        missing.Add(new MissingCapability("VolumeKind:Block", "volumes here are directories; block volumes need a backend with block storage"));
        missing.Add(new MissingCapability("VolumeKind:ObjectStorage", "no object store on this provider"));
        missing.Add(new MissingCapability("VolumeSizeLimits", "a directory volume's size is counted against quotas, not enforced on disk"));
        missing.Add(new MissingCapability("Accelerators", "devices are not passed to containers by this provider"));

        var capabilities = new ProviderCapabilities
        {
            Kinds = containers ? new HashSet<WorkloadKind> { WorkloadKind.Container } : new HashSet<WorkloadKind>(),
            CpuLimits = cpu,
            MemoryLimits = memory,
            HugePages = hugetlb,
            DedicatedCpus = false,
            VolumeKinds = containers ? new HashSet<VolumeKind> { VolumeKind.File } : new HashSet<VolumeKind>(),
            Networks = networks,
            FixedAddresses = networks,
            MultipleNetworks = networks,
            SecurityPolicies = policies,
            Missing = missing,
        };
        return new OciHostReport
        {
            RuntimePath = runtimePath,
            RuntimeVersion = version,
            CgroupMode = mode,
            Controllers = controllers,
            Overlay = overlay,
            IpPath = networks ? ip : null,
            NftPath = policies ? nft : null,
            MountPath = mount,
            Capabilities = capabilities,
        };
    }

    internal static (CgroupMode Mode, HashSet<string> Controllers) ReadCgroups(string mounts = "/proc/self/mounts")
    {
        var controllers = new HashSet<string>(StringComparer.Ordinal);
        var v1 = false;
        string? unifiedPath = null;
        if (!File.Exists(mounts))
        {
            return (CgroupMode.None, controllers);
        }

        foreach (var line in File.ReadLines(mounts))
        {
            var fields = line.Split(' ');
            if (fields.Length < 4)
            {
                continue;
            }

            if (fields[2] == "cgroup")
            {
                v1 = true;
                foreach (var option in fields[3].Split(','))
                {
                    if (option is "cpu" or "memory" or "pids" or "cpuset" or "hugetlb" or "cpuacct" or "blkio" or "devices" or "freezer")
                    {
                        controllers.Add(option);
                    }
                }
            }
            else if (fields[2] == "cgroup2")
            {
                unifiedPath = fields[1];
            }
        }

        if (unifiedPath is not null && !v1 && File.Exists(Path.Combine(unifiedPath, "cgroup.controllers")))
        {
            foreach (var controller in File.ReadAllText(Path.Combine(unifiedPath, "cgroup.controllers")).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                controllers.Add(controller);
            }
        }

        return (v1 && unifiedPath is not null ? CgroupMode.Hybrid : v1 ? CgroupMode.Legacy : unifiedPath is not null ? CgroupMode.Unified : CgroupMode.None, controllers);
    }

    // A probe container over the host's /usr (read-only), with the limits real containers get.
    private static async Task<string?> TryRuntimeAsync(string runtime, OciProviderOptions options, CancellationToken cancellationToken)
    {
        var probe = Directory.CreateTempSubdirectory("pc-oci-probe-").FullName;
        var id = "pc-probe-" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4));
        try
        {
            var rootfs = Directory.CreateDirectory(Path.Combine(probe, "rootfs")).FullName;
            Directory.CreateDirectory(Path.Combine(rootfs, "usr"));
            foreach (var link in new[] { "bin", "lib", "lib64", "sbin" })
            {
                if (Directory.Exists("/usr/" + link))
                {
                    File.CreateSymbolicLink(Path.Combine(rootfs, link), "usr/" + link);
                }
            }

            var config = Runtime.OciBundle.ProbeConfig(HostCommand.Find("true") ?? "/usr/bin/true", options.PidsLimit);
            await File.WriteAllTextAsync(Path.Combine(probe, "config.json"), config, cancellationToken).ConfigureAwait(false);
            var (exitCode, _, error) = await HostCommand.RunAsync(runtime, ["--root", options.StateDirectory, "run", "--bundle", probe, id], cancellationToken).ConfigureAwait(false);
            return exitCode == 0 ? null : FirstLine(error, exitCode);
        }
        finally
        {
            await HostCommand.RunAsync(runtime, ["--root", options.StateDirectory, "delete", "--force", id], CancellationToken.None).ConfigureAwait(false);
            Directory.Delete(probe, recursive: true);
        }
    }

    private static async Task<string?> TryNamespaceAsync(string ip, string? nft, CancellationToken cancellationToken)
    {
        var name = "pc-probe-" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4));
        var (exitCode, _, error) = await HostCommand.RunAsync(ip, ["netns", "add", name], cancellationToken).ConfigureAwait(false);
        if (exitCode != 0)
        {
            return FirstLine(error, exitCode);
        }

        try
        {
            if (nft is null)
            {
                return null;
            }

            (exitCode, _, error) = await HostCommand.RunAsync(ip, ["netns", "exec", name, nft, "-f", "-"], cancellationToken,
                "table inet probe {\n  chain input { type filter hook input priority 0; policy accept; ct state established,related accept; }\n}\n").ConfigureAwait(false);
            return exitCode == 0 ? null : FirstLine(error, exitCode);
        }
        finally
        {
            await HostCommand.RunAsync(ip, ["netns", "delete", name], CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static string FirstLine(string error, int exitCode)
    {
        var line = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault(l => l.Length > 0);
        if (line is not null && line.StartsWith('{'))
        {
            try
            {
                using var json = JsonDocument.Parse(line);
                if (json.RootElement.TryGetProperty("msg", out var message))
                {
                    line = message.GetString();
                }
            }
            catch (JsonException)
            {
            }
        }

        return line ?? $"exit code {exitCode}";
    }
}
