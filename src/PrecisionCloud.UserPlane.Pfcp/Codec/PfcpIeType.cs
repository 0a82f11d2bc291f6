namespace PrecisionCloud.UserPlane.Pfcp.Codec;

/// <summary>
/// PFCP information element types (3GPP TS 29.244 §8.1.2, Table 8.1.2-1): the ones this codec reads or writes. Types
/// from 32768 carry an enterprise ID and are vendor-specific.
/// </summary>
public enum PfcpIeType : ushort
{
    /// <summary>Create PDR (grouped).</summary>
    CreatePdr = 1,

    /// <summary>PDI: packet detection information (grouped).</summary>
    Pdi = 2,

    /// <summary>Create FAR (grouped).</summary>
    CreateFar = 3,

    /// <summary>Forwarding Parameters (grouped).</summary>
    ForwardingParameters = 4,

    /// <summary>Duplicating Parameters (grouped).</summary>
    DuplicatingParameters = 5,

    /// <summary>Create URR (grouped).</summary>
    CreateUrr = 6,

    /// <summary>Create QER (grouped).</summary>
    CreateQer = 7,

    /// <summary>Created PDR (grouped).</summary>
    CreatedPdr = 8,

    /// <summary>Update PDR (grouped).</summary>
    UpdatePdr = 9,

    /// <summary>Update FAR (grouped).</summary>
    UpdateFar = 10,

    /// <summary>Update Forwarding Parameters (grouped).</summary>
    UpdateForwardingParameters = 11,

    /// <summary>Update BAR in a Session Report Response (grouped).</summary>
    UpdateBarInSessionReportResponse = 12,

    /// <summary>Update URR (grouped).</summary>
    UpdateUrr = 13,

    /// <summary>Update QER (grouped).</summary>
    UpdateQer = 14,

    /// <summary>Remove PDR (grouped).</summary>
    RemovePdr = 15,

    /// <summary>Remove FAR (grouped).</summary>
    RemoveFar = 16,

    /// <summary>Remove URR (grouped).</summary>
    RemoveUrr = 17,

    /// <summary>Remove QER (grouped).</summary>
    RemoveQer = 18,

    /// <summary>Cause.</summary>
    Cause = 19,

    /// <summary>Source Interface.</summary>
    SourceInterface = 20,

    /// <summary>F-TEID.</summary>
    FTeid = 21,

    /// <summary>Network Instance.</summary>
    NetworkInstance = 22,

    /// <summary>SDF Filter.</summary>
    SdfFilter = 23,

    /// <summary>Application ID.</summary>
    ApplicationId = 24,

    /// <summary>Gate Status.</summary>
    GateStatus = 25,

    /// <summary>MBR.</summary>
    Mbr = 26,

    /// <summary>GBR.</summary>
    Gbr = 27,

    /// <summary>QER Correlation ID.</summary>
    QerCorrelationId = 28,

    /// <summary>Precedence.</summary>
    Precedence = 29,

    /// <summary>Transport Level Marking.</summary>
    TransportLevelMarking = 30,

    /// <summary>Volume Threshold.</summary>
    VolumeThreshold = 31,

    /// <summary>Time Threshold.</summary>
    TimeThreshold = 32,

    /// <summary>Monitoring Time.</summary>
    MonitoringTime = 33,

    /// <summary>Subsequent Volume Threshold.</summary>
    SubsequentVolumeThreshold = 34,

    /// <summary>Subsequent Time Threshold.</summary>
    SubsequentTimeThreshold = 35,

    /// <summary>Inactivity Detection Time.</summary>
    InactivityDetectionTime = 36,

    /// <summary>Reporting Triggers.</summary>
    ReportingTriggers = 37,

    /// <summary>Redirect Information.</summary>
    RedirectInformation = 38,

    /// <summary>Report Type.</summary>
    ReportType = 39,

    /// <summary>Offending IE.</summary>
    OffendingIe = 40,

    /// <summary>Forwarding Policy.</summary>
    ForwardingPolicy = 41,

    /// <summary>Destination Interface.</summary>
    DestinationInterface = 42,

    /// <summary>UP Function Features.</summary>
    UpFunctionFeatures = 43,

    /// <summary>Apply Action.</summary>
    ApplyAction = 44,

    /// <summary>Downlink Data Service Information.</summary>
    DownlinkDataServiceInformation = 45,

    /// <summary>Downlink Data Notification Delay.</summary>
    DownlinkDataNotificationDelay = 46,

    /// <summary>DL Buffering Duration.</summary>
    DlBufferingDuration = 47,

    /// <summary>DL Buffering Suggested Packet Count.</summary>
    DlBufferingSuggestedPacketCount = 48,

    /// <summary>PFCPSMReq-Flags.</summary>
    PfcpsmReqFlags = 49,

    /// <summary>PFCPSRRsp-Flags.</summary>
    PfcpsrRspFlags = 50,

    /// <summary>Sequence Number.</summary>
    SequenceNumber = 52,

    /// <summary>Timer.</summary>
    Timer = 55,

    /// <summary>PDR ID.</summary>
    PdrId = 56,

    /// <summary>F-SEID.</summary>
    FSeid = 57,

    /// <summary>Node ID.</summary>
    NodeId = 60,

    /// <summary>Measurement Method.</summary>
    MeasurementMethod = 62,

    /// <summary>Usage Report Trigger.</summary>
    UsageReportTrigger = 63,

    /// <summary>Measurement Period.</summary>
    MeasurementPeriod = 64,

    /// <summary>FQ-CSID.</summary>
    FqCsid = 65,

    /// <summary>Volume Measurement.</summary>
    VolumeMeasurement = 66,

    /// <summary>Duration Measurement.</summary>
    DurationMeasurement = 67,

    /// <summary>Time of First Packet.</summary>
    TimeOfFirstPacket = 69,

    /// <summary>Time of Last Packet.</summary>
    TimeOfLastPacket = 70,

    /// <summary>Quota Holding Time.</summary>
    QuotaHoldingTime = 71,

    /// <summary>Volume Quota.</summary>
    VolumeQuota = 73,

    /// <summary>Time Quota.</summary>
    TimeQuota = 74,

    /// <summary>Start Time.</summary>
    StartTime = 75,

    /// <summary>End Time.</summary>
    EndTime = 76,

    /// <summary>Query URR (grouped).</summary>
    QueryUrr = 77,

    /// <summary>Usage Report in a Session Modification Response (grouped).</summary>
    UsageReportInModificationResponse = 78,

    /// <summary>Usage Report in a Session Deletion Response (grouped).</summary>
    UsageReportInDeletionResponse = 79,

    /// <summary>Usage Report in a Session Report Request (grouped).</summary>
    UsageReportInReportRequest = 80,

    /// <summary>URR ID.</summary>
    UrrId = 81,

    /// <summary>Linked URR ID.</summary>
    LinkedUrrId = 82,

    /// <summary>Downlink Data Report (grouped).</summary>
    DownlinkDataReport = 83,

    /// <summary>Outer Header Creation.</summary>
    OuterHeaderCreation = 84,

    /// <summary>Create BAR (grouped).</summary>
    CreateBar = 85,

    /// <summary>Update BAR in a Session Modification Request (grouped).</summary>
    UpdateBar = 86,

    /// <summary>Remove BAR (grouped).</summary>
    RemoveBar = 87,

    /// <summary>BAR ID.</summary>
    BarId = 88,

    /// <summary>CP Function Features.</summary>
    CpFunctionFeatures = 89,

    /// <summary>Usage Information.</summary>
    UsageInformation = 90,

    /// <summary>Application Instance ID.</summary>
    ApplicationInstanceId = 91,

    /// <summary>Flow Information.</summary>
    FlowInformation = 92,

    /// <summary>UE IP Address.</summary>
    UeIpAddress = 93,

    /// <summary>Packet Rate.</summary>
    PacketRate = 94,

    /// <summary>Outer Header Removal.</summary>
    OuterHeaderRemoval = 95,

    /// <summary>Recovery Time Stamp.</summary>
    RecoveryTimeStamp = 96,

    /// <summary>DL Flow Level Marking.</summary>
    DlFlowLevelMarking = 97,

    /// <summary>Error Indication Report (grouped).</summary>
    ErrorIndicationReport = 99,

    /// <summary>Measurement Information.</summary>
    MeasurementInformation = 100,

    /// <summary>Node Report Type.</summary>
    NodeReportType = 101,

    /// <summary>User Plane Path Failure Report (grouped).</summary>
    UserPlanePathFailureReport = 102,

    /// <summary>Remote GTP-U Peer.</summary>
    RemoteGtpUPeer = 103,

    /// <summary>UR-SEQN.</summary>
    UrSeqn = 104,

    /// <summary>Update Duplicating Parameters (grouped).</summary>
    UpdateDuplicatingParameters = 105,

    /// <summary>FAR ID.</summary>
    FarId = 108,

    /// <summary>QER ID.</summary>
    QerId = 109,

    /// <summary>PFCP Association Release Request.</summary>
    PfcpAssociationReleaseRequest = 111,

    /// <summary>Graceful Release Period.</summary>
    GracefulReleasePeriod = 112,

    /// <summary>PDN Type.</summary>
    PdnType = 113,

    /// <summary>Failed Rule ID.</summary>
    FailedRuleId = 114,

    /// <summary>User Plane IP Resource Information.</summary>
    UserPlaneIpResourceInformation = 116,

    /// <summary>User Plane Inactivity Timer.</summary>
    UserPlaneInactivityTimer = 117,

    /// <summary>Subsequent Volume Quota.</summary>
    SubsequentVolumeQuota = 121,

    /// <summary>Subsequent Time Quota.</summary>
    SubsequentTimeQuota = 122,

    /// <summary>RQI.</summary>
    Rqi = 123,

    /// <summary>QFI.</summary>
    Qfi = 124,

    /// <summary>Query URR Reference.</summary>
    QueryUrrReference = 125,

    /// <summary>Suggested Buffering Packets Count.</summary>
    SuggestedBufferingPacketsCount = 140,

    /// <summary>User ID.</summary>
    UserId = 141,

    /// <summary>APN/DNN.</summary>
    Dnn = 159,

    /// <summary>3GPP Interface Type (the Source Interface Type of a PDI, the Destination Interface Type of forwarding parameters).</summary>
    ThreeGppInterfaceType = 160,

    /// <summary>PFCPSRReq-Flags.</summary>
    PfcpsrReqFlags = 161,

    /// <summary>User Plane Path Recovery Report.</summary>
    UserPlanePathRecoveryReport = 187,

    /// <summary>S-NSSAI.</summary>
    Snssai = 257,
}
