namespace PrecisionCloud.Hardware.Inventory;

/// <summary>A network interface's operational state (RFC 2863 <c>ifOperStatus</c>, as <c>operstate</c> in sysfs).</summary>
public enum NicOperationalState
{
    /// <summary>The state could not be read or is <c>unknown</c>.</summary>
    Unknown,

    /// <summary>The interface passes packets.</summary>
    Up,

    /// <summary>The interface does not pass packets.</summary>
    Down,

    /// <summary>The interface waits for an external event.</summary>
    Dormant,

    /// <summary>An underlying interface is down.</summary>
    LowerLayerDown,

    /// <summary>A component of the interface is missing.</summary>
    NotPresent,

    /// <summary>The interface is in a test mode.</summary>
    Testing,
}
