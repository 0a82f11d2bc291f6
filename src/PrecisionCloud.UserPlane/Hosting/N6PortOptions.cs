namespace PrecisionCloud.UserPlane.Hosting;

/// <summary>An N6 port on a TUN device.</summary>
public sealed class N6PortOptions
{
    /// <summary>The network instance it serves; <c>internet</c> by default.</summary>
    public string NetworkInstance { get; set; } = "internet";

    /// <summary>The TUN device to create or attach, for example <c>upf0</c>.</summary>
    public string TunDevice { get; set; } = string.Empty;

    /// <summary>
    /// Prefixes routed into the device (the UE pool, for example <c>10.45.0.0/16</c>), so downlink traffic for UEs
    /// reaches the user plane. Set with iproute2 when the device is opened.
    /// </summary>
    public IList<string> Routes { get; } = [];
}
