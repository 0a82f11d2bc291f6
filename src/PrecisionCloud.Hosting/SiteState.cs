using PrecisionCloud.Hardware.Inventory;

namespace PrecisionCloud.Hosting;

/// <summary>What the site knows about itself once started; read by the health check.</summary>
internal sealed class SiteState
{
    private volatile Snapshot? _current;

    public Snapshot? Current => _current;

    public void Started(Snapshot snapshot) => _current = snapshot;

    public void Stopped() => _current = null;

    public sealed record Snapshot(string SiteName, SiteProfile Profile, NodeInventory Inventory, bool FormFactorSuits);
}
