using PrecisionCloud.Mec.Location;

namespace PrecisionCloud.Mec.Platform.Location;

/// <summary>An access point of the radio map.</summary>
public sealed class AccessPointOptions
{
    /// <summary>The access point's identifier.</summary>
    public string AccessPointId { get; set; } = string.Empty;

    /// <summary>The N3 (GTP-U) addresses of the gNBs (or eNBs) behind it.</summary>
    public IList<string> GnbAddresses { get; } = [];

    /// <summary>Its radio technology.</summary>
    public ConnectionType ConnectionType { get; set; } = ConnectionType.Unknown;

    /// <summary>Its latitude in degrees, when known.</summary>
    public float? Latitude { get; set; }

    /// <summary>Its longitude in degrees, when known.</summary>
    public float? Longitude { get; set; }

    /// <summary>Its time zone.</summary>
    public string? Timezone { get; set; }

    /// <summary>Whether it serves users.</summary>
    public OperationStatus OperationStatus { get; set; } = OperationStatus.Serviceable;
}
