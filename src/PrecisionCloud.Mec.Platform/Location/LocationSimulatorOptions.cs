namespace PrecisionCloud.Mec.Platform.Location;

/// <summary>Simulated users for demonstrations: they appear at random access points and move now and then.</summary>
public sealed class LocationSimulatorOptions
{
    /// <summary>Whether the simulator runs.</summary>
    public bool Enabled { get; set; }

    /// <summary>How many users (addresses <c>acr:10.255.x.y</c>).</summary>
    public int Users { get; set; } = 10;

    /// <summary>How often one of them moves to another access point.</summary>
    public TimeSpan MoveInterval { get; set; } = TimeSpan.FromSeconds(5);
}
