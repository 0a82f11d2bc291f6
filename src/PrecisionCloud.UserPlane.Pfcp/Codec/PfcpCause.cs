namespace PrecisionCloud.UserPlane.Pfcp.Codec;

/// <summary>PFCP cause values (3GPP TS 29.244 §8.2.1, Table 8.2.1-1).</summary>
public enum PfcpCause : byte
{
    /// <summary>Reserved; never sent.</summary>
    Reserved = 0,

    /// <summary>Request accepted (success).</summary>
    RequestAccepted = 1,

    /// <summary>More usage report to send.</summary>
    MoreUsageReportToSend = 2,

    /// <summary>Request partially accepted.</summary>
    RequestPartiallyAccepted = 3,

    /// <summary>Request rejected (reason not specified).</summary>
    RequestRejected = 64,

    /// <summary>Session context not found.</summary>
    SessionContextNotFound = 65,

    /// <summary>Mandatory IE missing (the Offending IE names it).</summary>
    MandatoryIeMissing = 66,

    /// <summary>Conditional IE missing (the Offending IE names it).</summary>
    ConditionalIeMissing = 67,

    /// <summary>Invalid length (the Offending IE names the IE).</summary>
    InvalidLength = 68,

    /// <summary>Mandatory IE incorrect (the Offending IE names it).</summary>
    MandatoryIeIncorrect = 69,

    /// <summary>Invalid Forwarding Policy.</summary>
    InvalidForwardingPolicy = 70,

    /// <summary>Invalid F-TEID allocation option.</summary>
    InvalidFTeidAllocationOption = 71,

    /// <summary>No established PFCP association.</summary>
    NoEstablishedPfcpAssociation = 72,

    /// <summary>Rule creation/modification failure (the Failed Rule ID names the rule).</summary>
    RuleCreationModificationFailure = 73,

    /// <summary>PFCP entity in congestion.</summary>
    PfcpEntityInCongestion = 74,

    /// <summary>No resources available.</summary>
    NoResourcesAvailable = 75,

    /// <summary>Service not supported.</summary>
    ServiceNotSupported = 76,

    /// <summary>System failure.</summary>
    SystemFailure = 77,

    /// <summary>Redirection requested.</summary>
    RedirectionRequested = 78,

    /// <summary>All dynamic addresses are occupied.</summary>
    AllDynamicAddressesAreOccupied = 79,
}
