namespace PrecisionCloud.Hardware.Inventory;

/// <summary>The hardware shape of a node. See <see cref="FormFactorRules"/> for how it is decided.</summary>
public enum FormFactor
{
    /// <summary>A small box on a factory floor or a pole: few cores, little memory, often Arm.</summary>
    Embedded,

    /// <summary>An edge server that runs a whole site on one socket: user plane, MEC platform and apps.</summary>
    AllInOne,

    /// <summary>A multi-socket data-centre server, one of a regional pool.</summary>
    StandardServer,
}
