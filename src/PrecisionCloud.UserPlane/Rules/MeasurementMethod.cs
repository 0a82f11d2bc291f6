namespace PrecisionCloud.UserPlane.Rules;

/// <summary>What a URR measures (3GPP TS 29.244 §8.2.40).</summary>
[Flags]
public enum MeasurementMethod : byte
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>DURAT: the time traffic flows.</summary>
    Duration = 0x01,

    /// <summary>VOLUM: bytes.</summary>
    Volume = 0x02,

    /// <summary>EVENT: events.</summary>
    Event = 0x04,
}
