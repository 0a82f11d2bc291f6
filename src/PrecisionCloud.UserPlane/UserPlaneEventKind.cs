namespace PrecisionCloud.UserPlane;

/// <summary>Things the fast path tells the control plane about.</summary>
public enum UserPlaneEventKind
{
    /// <summary>A URR raised a trigger (threshold, quota, start of traffic); collect its report.</summary>
    UsageReportDue,

    /// <summary>The first downlink packet was buffered for an idle UE (Downlink Data Report, TS 29.244 §5.2.4.2).</summary>
    DownlinkData,

    /// <summary>A peer sent an Error Indication: it does not know a TEID this user plane sends to.</summary>
    ErrorIndicationReceived,
}
