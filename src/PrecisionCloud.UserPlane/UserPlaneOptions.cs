using PrecisionCloud.UserPlane.Packets;

namespace PrecisionCloud.UserPlane;

/// <summary>Options of the user-plane fast path.</summary>
public sealed class UserPlaneOptions
{
    /// <summary>The configuration section, under the PrecisionCloud section.</summary>
    public const string SectionName = "UserPlane";

    /// <summary>This UPF's N3 address: the source of the tunnels it creates and the address in Error Indications.</summary>
    public InetAddress N3Address { get; set; } = InetAddress.Parse("127.0.0.1");

    /// <summary>This UPF's IPv6 N3 address, for tunnels to IPv6 peers; none by default.</summary>
    public InetAddress? N3IPv6Address { get; set; }

    /// <summary>The GTP-U port; 2152 by default.</summary>
    public ushort GtpUPort { get; set; } = 2152;

    /// <summary>Sessions the indexes are sized for at start (they grow past it).</summary>
    public int ExpectedSessions { get; set; } = 16_384;

    /// <summary>Bytes per packet slot in a batch (the largest packet plus headroom for encapsulation). Default 2176 (see <see cref="Pipeline.PacketBatch.DefaultSlotSize"/>).</summary>
    public int SlotSize { get; set; } = Pipeline.PacketBatch.DefaultSlotSize;

    /// <summary>Bytes before each received packet kept free for the outer headers of encapsulation. Default 128.</summary>
    public int Headroom { get; set; } = 128;

    /// <summary>How much traffic a QER's rate bucket lets through in a burst, as time at the maximum bit rate. Default 100 ms.</summary>
    public TimeSpan PolicingBurst { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Downlink packets held per session while buffering when the BAR does not say. Default 64.</summary>
    public int BufferedPacketsPerSession { get; set; } = 64;

    /// <summary>Error Indications sent per second at most, for G-PDUs to unknown TEIDs. Default 100.</summary>
    public int ErrorIndicationsPerSecond { get; set; } = 100;

    /// <summary>The network instance whose N6 port takes traffic of FARs that name none. Default <c>internet</c>.</summary>
    public string DefaultNetworkInstance { get; set; } = "internet";
}
