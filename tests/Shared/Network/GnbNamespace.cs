using System.Globalization;

namespace PrecisionCloud.Tests.Network;

/// <summary>
/// A gNB in its own network namespace, joined to this namespace by a veth pair (the N3 link): the UPF side takes
/// the <c>.1</c> address of a random /24, the gNB side <c>.2</c>. Needs root; removed when disposed.
/// </summary>
internal sealed class GnbNamespace : IAsyncDisposable
{
    private GnbNamespace(string suffix, string prefix, int network, int subnet)
    {
        Suffix = suffix;
        Name = $"{prefix}g{suffix}";
        UpfVeth = $"{prefix}3{suffix}";
        GnbVeth = $"{prefix}n{suffix}";
        UpfAddress = $"10.{network}.{subnet}.1";
        GnbAddress = $"10.{network}.{subnet}.2";
    }

    /// <summary>Random letters that keep this test's device names apart from others'.</summary>
    public string Suffix { get; }

    public string Name { get; }

    public string UpfVeth { get; }

    public string GnbVeth { get; }

    public string UpfAddress { get; }

    public string GnbAddress { get; }

    /// <summary>Creates the namespace and the veth pair; fails with what is missing when not root.</summary>
    /// <param name="prefix">Two letters that keep device names of different tests apart.</param>
    /// <param name="network">The second octet of the 10.x.y.0/24 link, one per test class.</param>
    public static async Task<GnbNamespace> CreateAsync(string prefix, int network)
    {
        Assert.True(Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root",
            "This test needs root (CAP_NET_ADMIN and CAP_SYS_ADMIN) to create network namespaces, veth pairs and TUN devices.");
        var gnb = new GnbNamespace(Guid.NewGuid().ToString("N")[..5], prefix, network, Random.Shared.Next(1, 250));
        await Ip("netns", "add", gnb.Name);
        await Ip("link", "add", gnb.UpfVeth, "type", "veth", "peer", "name", gnb.GnbVeth);
        await Ip("link", "set", gnb.GnbVeth, "netns", gnb.Name);
        await Ip("addr", "add", $"{gnb.UpfAddress}/24", "dev", gnb.UpfVeth);
        await Ip("link", "set", gnb.UpfVeth, "up");
        await Ip("-n", gnb.Name, "addr", "add", $"{gnb.GnbAddress}/24", "dev", gnb.GnbVeth);
        await Ip("-n", gnb.Name, "link", "set", gnb.GnbVeth, "up");
        await Ip("-n", gnb.Name, "link", "set", "lo", "up");
        return gnb;
    }

    /// <summary>Packets a device has received (a TUN device: packets the user plane wrote to it).</summary>
    public static long RxPackets(string device) =>
        long.Parse(File.ReadAllText($"/sys/class/net/{device}/statistics/rx_packets").Trim(), CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await ProcessRunner.RunAsync("ip", ["netns", "del", Name], TimeSpan.FromSeconds(30));
        await ProcessRunner.RunAsync("ip", ["link", "del", UpfVeth], TimeSpan.FromSeconds(30));
    }

    private static async Task Ip(params string[] arguments)
    {
        var result = await ProcessRunner.RunAsync("ip", arguments, TimeSpan.FromSeconds(30));
        Assert.True(result.ExitCode == 0, $"ip {string.Join(' ', arguments)} failed: {result.All}");
    }
}
