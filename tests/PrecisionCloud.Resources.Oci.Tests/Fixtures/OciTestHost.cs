using Microsoft.Extensions.Logging.Abstractions;
using PrecisionCloud.Resources.Compute;
using PrecisionCloud.Resources.Oci.Host;
using PrecisionCloud.Resources.Providers;
using PrecisionCloud.Tests.Oci;

namespace PrecisionCloud.Resources.Oci.Tests.Fixtures;

/// <summary>An OCI provider over its own directories and runtime state, with the busybox image; removes everything it made.</summary>
public sealed class OciTestHost : IAsyncDisposable
{
    private readonly string _directory;

    public OciTestHost(string? runtime = null)
    {
        HostRequirements.RequireContainerHost();
        _directory = Directory.CreateTempSubdirectory("pc-oci-").FullName;
        Options = new OciProviderOptions
        {
            RootDirectory = Path.Combine(_directory, "root"),
            StateDirectory = Path.Combine("/run", "pc-test-" + Path.GetFileName(_directory)),
            Runtime = runtime,
            StopTimeout = TimeSpan.FromSeconds(2),
            NodeName = "box-1",
        };
        BusyboxImage.WriteTo(Options.EffectiveImagesDirectory);
        Provider = new OciProvider(Microsoft.Extensions.Options.Options.Create(Options), NullLogger<OciProvider>.Instance);
    }

    public OciProviderOptions Options { get; }

    public OciProvider Provider { get; }

    public static WorkloadDeployment Deployment(string uid, string command, WorkloadResources? resources = null, IReadOnlyList<AttachedNetwork>? networks = null,
        IReadOnlyList<AttachedVolume>? volumes = null, IReadOnlyList<Resources.Networking.SecurityPolicySpec>? policies = null, int replicas = 1) => new()
        {
            Uid = uid,
            Spec = new WorkloadSpec
            {
                Tenant = "t1",
                Name = "w-" + uid,
                Image = new WorkloadImage("busybox:test"),
                Command = ["/bin/sh", "-c", command],
                Environment = new Dictionary<string, string> { ["MODE"] = "test" },
                Resources = resources ?? new WorkloadResources { VCpus = 0.5, MemoryMiB = 64 },
                Replicas = replicas,
            },
            Kind = WorkloadKind.Container,
            Node = "box-1",
            SpecHash = "h-" + command.GetHashCode(StringComparison.Ordinal),
            Networks = networks ?? [],
            Volumes = volumes ?? [],
            SecurityPolicies = policies ?? [],
        };

    /// <summary>Waits until the workload's replica is in the state, and returns it.</summary>
    public async Task<ObservedReplica> WaitForAsync(string uid, ReplicaState state, int replica = 0)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        ObservedReplica? last = null;
        while (DateTime.UtcNow < deadline)
        {
            var observed = (await Provider.ListWorkloadsAsync(CancellationToken.None)).FirstOrDefault(w => w.Uid == uid);
            last = observed?.Replicas.FirstOrDefault(r => r.Index == replica);
            if (last?.State == state)
            {
                return last;
            }

            await Task.Delay(50);
        }

        var log = await Provider.ReadLogAsync(uid, replica, 4096, CancellationToken.None);
        Assert.Fail($"replica {replica} of {uid} is {last?.State.ToString() ?? "absent"} (exit code {last?.ExitCode}), not {state}; log: {log}");
        return last!;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var workload in await Provider.ListWorkloadsAsync(CancellationToken.None))
        {
            await Provider.DeleteWorkloadAsync(workload.Uid, CancellationToken.None);
        }

        foreach (var network in await Provider.ListNetworksAsync(CancellationToken.None))
        {
            await Provider.DeleteNetworkAsync(network.Uid, CancellationToken.None);
        }

        Provider.Dispose();
        if (HostCommand.Find("umount") is { } umount)
        {
            foreach (var line in File.ReadLines("/proc/self/mountinfo").Select(l => l.Split(' ')[4]).Where(m => m.StartsWith(_directory, StringComparison.Ordinal)).ToArray())
            {
                await HostCommand.RunAsync(umount, [line], CancellationToken.None);
            }
        }

        Directory.Delete(_directory, recursive: true);
        if (Directory.Exists(Options.StateDirectory))
        {
            Directory.Delete(Options.StateDirectory, recursive: true);
        }
    }
}
