using PrecisionCloud.Resources.Oci.Host;

namespace PrecisionCloud.Resources.Oci.Tests.Fixtures;

/// <summary>What the end-to-end tests need of the host; a missing piece fails the test and says how to get it.</summary>
public static class HostRequirements
{
    public static void Require(bool condition, string what)
    {
        if (!condition)
        {
            Assert.Fail($"this test needs {what}; .ci/run installs it");
        }
    }

    public static void RequireContainerHost()
    {
        Require(Environment.IsPrivilegedProcess, "root (containers, namespaces and mounts)");
        Require(HostCommand.Find("runc") is not null, "runc (apt-get install runc)");
        Require(HostCommand.Find("ip") is not null, "iproute2 (apt-get install iproute2)");
        Require(HostCommand.Find("nft") is not null, "nftables (apt-get install nftables)");
    }
}
