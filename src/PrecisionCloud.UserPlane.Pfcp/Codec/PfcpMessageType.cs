namespace PrecisionCloud.UserPlane.Pfcp.Codec;

/// <summary>PFCP message types (3GPP TS 29.244 §7.3, Table 7.3-1).</summary>
public enum PfcpMessageType : byte
{
    /// <summary>Not a message type.</summary>
    None = 0,

    /// <summary>Heartbeat Request (node message).</summary>
    HeartbeatRequest = 1,

    /// <summary>Heartbeat Response.</summary>
    HeartbeatResponse = 2,

    /// <summary>PFD Management Request.</summary>
    PfdManagementRequest = 3,

    /// <summary>PFD Management Response.</summary>
    PfdManagementResponse = 4,

    /// <summary>Association Setup Request.</summary>
    AssociationSetupRequest = 5,

    /// <summary>Association Setup Response.</summary>
    AssociationSetupResponse = 6,

    /// <summary>Association Update Request.</summary>
    AssociationUpdateRequest = 7,

    /// <summary>Association Update Response.</summary>
    AssociationUpdateResponse = 8,

    /// <summary>Association Release Request.</summary>
    AssociationReleaseRequest = 9,

    /// <summary>Association Release Response.</summary>
    AssociationReleaseResponse = 10,

    /// <summary>Version Not Supported Response.</summary>
    VersionNotSupportedResponse = 11,

    /// <summary>Node Report Request.</summary>
    NodeReportRequest = 12,

    /// <summary>Node Report Response.</summary>
    NodeReportResponse = 13,

    /// <summary>Session Set Deletion Request.</summary>
    SessionSetDeletionRequest = 14,

    /// <summary>Session Set Deletion Response.</summary>
    SessionSetDeletionResponse = 15,

    /// <summary>Session Establishment Request (session message, with a SEID).</summary>
    SessionEstablishmentRequest = 50,

    /// <summary>Session Establishment Response.</summary>
    SessionEstablishmentResponse = 51,

    /// <summary>Session Modification Request.</summary>
    SessionModificationRequest = 52,

    /// <summary>Session Modification Response.</summary>
    SessionModificationResponse = 53,

    /// <summary>Session Deletion Request.</summary>
    SessionDeletionRequest = 54,

    /// <summary>Session Deletion Response.</summary>
    SessionDeletionResponse = 55,

    /// <summary>Session Report Request (from the user plane).</summary>
    SessionReportRequest = 56,

    /// <summary>Session Report Response.</summary>
    SessionReportResponse = 57,
}
