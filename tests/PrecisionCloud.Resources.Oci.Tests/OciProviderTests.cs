using PrecisionCloud.Resources.Compute;
using PrecisionCloud.Resources.Networking;
using PrecisionCloud.Resources.Oci.Host;
using PrecisionCloud.Resources.Oci.Tests.Fixtures;
using PrecisionCloud.Resources.Providers;
using PrecisionCloud.Resources.Storage;

namespace PrecisionCloud.Resources.Oci.Tests;

/// <summary>The provider against the real runc, iproute2 and nftables of this host, with a busybox image.</summary>
[Collection(nameof(SharedContainerHost))]
public sealed class OciProviderTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task The_probe_reports_what_works_here_and_why_the_rest_does_not()
    {
        await using var host = new OciTestHost();

        var capabilities = await host.Provider.ProbeAsync(None);
        var nodes = await host.Provider.GetNodesAsync(None);

        Assert.Equal([WorkloadKind.Container], capabilities.Kinds);
        Assert.True(capabilities.CpuLimits && capabilities.MemoryLimits && capabilities.Networks && capabilities.SecurityPolicies);
        Assert.Equal([VolumeKind.File], capabilities.VolumeKinds);
        Assert.EndsWith("runc", host.Provider.RuntimePath, StringComparison.Ordinal);
        Assert.Contains(capabilities.Missing, m => m.Feature == "VolumeKind:Block");
        var (_, controllers) = OciHostProbe.ReadCgroups();
        Assert.Equal(controllers.Contains("hugetlb"), capabilities.HugePages);
        if (!capabilities.HugePages)
        {
            Assert.Contains(capabilities.Missing, m => m.Feature == "HugePages" && m.Reason.Contains("hugetlb", StringComparison.Ordinal));
        }

        var node = Assert.Single(nodes);
        Assert.Equal("box-1", node.Name);
        Assert.True(node.Capacity.VCpus > 0 && node.Capacity.MemoryMiB > 0);
    }

    [Fact]
    public async Task Crun_is_taken_when_it_works_here_and_otherwise_named_with_its_own_complaint()
    {
        HostRequirements.Require(HostCommand.Find("crun") is not null, "crun (apt-get install crun)");
        await using var host = new OciTestHost(runtime: "crun");

        var capabilities = await host.Provider.ProbeAsync(None);

        if (capabilities.Kinds.Count == 0)
        {
            var missing = Assert.Single(capabilities.Missing, m => m.Feature == "Kind:Container");
            Assert.StartsWith("no OCI runtime works on this host: crun: ", missing.Reason, StringComparison.Ordinal);
        }
        else
        {
            Assert.EndsWith("crun", host.Provider.RuntimePath, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_container_runs_under_its_limits_and_its_output_and_exit_code_are_kept()
    {
        await using var host = new OciTestHost();
        var deployment = OciTestHost.Deployment("c1",
            "echo hello $FROM_IMAGE $MODE $HOSTNAME; cat /sys/fs/cgroup/memory/memory.limit_in_bytes /sys/fs/cgroup/cpu/cpu.cfs_quota_us /sys/fs/cgroup/pids/pids.max; exit 3");

        var applied = await host.Provider.ApplyWorkloadAsync(deployment, None);
        var exited = await host.WaitForAsync("c1", ReplicaState.Exited);
        var log = await host.Provider.ReadLogAsync("c1", 0, 4096, None);

        Assert.Equal(deployment.SpecHash, applied.SpecHash);
        Assert.Equal(3, exited.ExitCode);
        Assert.Equal(["hello yes test w-c1", "67108864", "50000", "1024"], log!.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Applying_again_restarts_an_exited_replica_with_its_file_system_and_a_new_spec_starts_afresh()
    {
        await using var host = new OciTestHost();
        var deployment = OciTestHost.Deployment("c2", "echo run >> /runs; cat /runs");
        await host.Provider.ApplyWorkloadAsync(deployment, None);
        await host.WaitForAsync("c2", ReplicaState.Exited);

        await host.Provider.ApplyWorkloadAsync(deployment, None);
        await host.WaitForAsync("c2", ReplicaState.Exited);
        var log = await host.Provider.ReadLogAsync("c2", 0, 4096, None);
        await host.Provider.ApplyWorkloadAsync(deployment with { SpecHash = "other", Spec = deployment.Spec with { Command = ["/bin/sh", "-c", "cat /runs; sleep 30"] } }, None);
        await host.WaitForAsync("c2", ReplicaState.Running);

        // The second run saw the first run's file: a restart keeps the replica's own changes.
        Assert.Equal(["run", "run", "run"], log!.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("other", (await host.Provider.ListWorkloadsAsync(None)).Single().SpecHash);
    }

    [Fact]
    public async Task Containers_on_a_network_reach_each_other_and_a_policy_lets_only_its_port_in()
    {
        await using var host = new OciTestHost();
        var network = new NetworkSpec { Tenant = "t1", Name = "net", Subnets = [new SubnetSpec("10.77.0.0/24")] };
        await host.Provider.ApplyNetworkAsync(new ResourceDeployment<NetworkSpec>("n1", network, "nh"), None);
        AttachedNetwork At(string address) => new(network, "n1", "10.77.0.0/24", "10.77.0.1", 24, [address]);
        var web = new SecurityPolicySpec { Tenant = "t1", Name = "web", Rules = [new SecurityRule { Protocol = SecurityRuleProtocol.Tcp, PortFrom = 8080 }] };
        await host.Provider.ApplyWorkloadAsync(OciTestHost.Deployment("srv", "httpd -p 8080 -h /www; httpd -p 8081 -h /www; sleep 60", networks: [At("10.77.0.2")], policies: [web]), None);
        await host.WaitForAsync("srv", ReplicaState.Running);

        await host.Provider.ApplyWorkloadAsync(OciTestHost.Deployment("ok", "sleep 0.5; printf 'GET / HTTP/1.0\\r\\n\\r\\n' | nc -w 3 10.77.0.2 8080", networks: [At("10.77.0.3")]), None);
        await host.Provider.ApplyWorkloadAsync(OciTestHost.Deployment("no", "sleep 0.5; printf 'GET / HTTP/1.0\\r\\n\\r\\n' | nc -w 2 10.77.0.2 8081", networks: [At("10.77.0.4")]), None);
        var allowed = await host.WaitForAsync("ok", ReplicaState.Exited);
        var blocked = await host.WaitForAsync("no", ReplicaState.Exited);

        Assert.Equal(0, allowed.ExitCode);
        Assert.EndsWith("\r\n\r\nhello from busybox\n", await host.Provider.ReadLogAsync("ok", 0, 4096, None), StringComparison.Ordinal);
        Assert.DoesNotContain("hello", await host.Provider.ReadLogAsync("no", 0, 4096, None), StringComparison.Ordinal);
        Assert.NotEqual(0, blocked.ExitCode);
        Assert.Equal("10.77.0.2", (await host.Provider.ListWorkloadsAsync(None)).Single(w => w.Uid == "srv").Replicas[0].Addresses!["net"]);
        Assert.Single(await host.Provider.ListNetworksAsync(None));
    }

    [Fact]
    public async Task A_volume_is_a_directory_bound_into_the_container()
    {
        await using var host = new OciTestHost();
        var volume = new VolumeSpec { Tenant = "t1", Name = "data" };
        var observed = await host.Provider.ApplyVolumeAsync(new ResourceDeployment<VolumeSpec>("v1", volume, "vh"), None);
        var mount = new AttachedVolume(new VolumeMount("data", "/data"), volume, "v1", observed.BackendId);

        await host.Provider.ApplyWorkloadAsync(OciTestHost.Deployment("writer", "echo kept > /data/out", volumes: [mount]), None);
        await host.WaitForAsync("writer", ReplicaState.Exited);

        Assert.Equal("kept\n", await File.ReadAllTextAsync(Path.Combine(observed.BackendId, "out")));
        Assert.Equal(["v1"], (await host.Provider.ListVolumesAsync(None)).Select(v => v.Uid));
    }

    [Fact]
    public async Task Deleting_a_workload_leaves_no_container_namespace_mount_or_directory()
    {
        await using var host = new OciTestHost();
        var network = new NetworkSpec { Tenant = "t1", Name = "net", Subnets = [new SubnetSpec("10.78.0.0/24")] };
        await host.Provider.ApplyNetworkAsync(new ResourceDeployment<NetworkSpec>("n2", network, "nh"), None);
        await host.Provider.ApplyWorkloadAsync(OciTestHost.Deployment("gone", "sleep 60", replicas: 2,
            networks: [new AttachedNetwork(network, "n2", "10.78.0.0/24", "10.78.0.1", 24, ["10.78.0.2", "10.78.0.3"])]), None);
        await host.WaitForAsync("gone", ReplicaState.Running, replica: 1);

        await host.Provider.DeleteWorkloadAsync("gone", None);
        await host.Provider.DeleteNetworkAsync("n2", None);

        Assert.Empty(await host.Provider.ListWorkloadsAsync(None));
        Assert.False(File.Exists("/var/run/netns/pc-gone-0") || File.Exists("/var/run/netns/pc-gone-1"));
        Assert.DoesNotContain(File.ReadLines("/proc/self/mountinfo"), l => l.Contains("/gone/", StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(host.Options.RootDirectory, "workloads", "gone")));
        Assert.NotEqual(0, (await HostCommand.RunAsync("ip", ["link", "show", "pcbrn2"], None)).ExitCode);
    }
}
