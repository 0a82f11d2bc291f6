using PrecisionCloud.UserPlane.Ports;
using PrecisionCloud.UserPlane.Pipeline;

namespace PrecisionCloud.UserPlane.Tests.Ports;

public sealed class TunDeviceTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(13)]
    public void Missing_privilege_names_the_capability_and_the_fixes(int errno)
    {
        var message = TunDevice.Explain("upf0", errno);

        Assert.Contains("CAP_NET_ADMIN", message, StringComparison.Ordinal);
        Assert.Contains("setcap cap_net_admin+ep", message, StringComparison.Ordinal);
        Assert.Contains("ip tuntap add dev upf0 mode tun user", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_errors_say_what_the_system_said() =>
        Assert.Contains("errno 16", TunDevice.Explain("upf0", 16), StringComparison.Ordinal);

    [Fact]
    public void Names_longer_than_the_kernel_allows_are_refused() =>
        Assert.Throws<ArgumentException>(() => new TunDevice("a-very-long-name-0", "internet"));

    [Fact]
    public async Task A_tun_device_takes_packets_into_the_kernel()
    {
        Assert.True(Environment.UserName == "root", "Creating a TUN device needs root (CAP_NET_ADMIN); CI runs as root.");
        var name = "pct" + Guid.NewGuid().ToString("N")[..8];
        using var device = new TunDevice(name, "internet");
        var batch = new PacketBatch(4);

        Assert.Equal(0, device.Receive(batch, 10)); // down and quiet
        var up = await PrecisionCloud.Tests.ProcessRunner.RunAsync("ip", ["link", "set", name, "up"], TimeSpan.FromSeconds(10));
        Assert.True(up.ExitCode == 0, up.All);

        Assert.True(device.Send(TestPackets.Udp("10.45.0.2", "10.99.0.1", 1, 2)));
        Assert.True(long.Parse(await File.ReadAllTextAsync($"/sys/class/net/{name}/statistics/rx_packets"), System.Globalization.CultureInfo.InvariantCulture) >= 1);
    }
}
