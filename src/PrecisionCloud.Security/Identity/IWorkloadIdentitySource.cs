namespace PrecisionCloud.Security.Identity;

/// <summary>This workload's current identity and the CAs it trusts, as mutual TLS needs them on every handshake.</summary>
public interface IWorkloadIdentitySource
{
    /// <summary>The current identity, renewed before it expires.</summary>
    WorkloadIdentity Current { get; }

    /// <summary>The CAs whose identities this workload accepts.</summary>
    TrustBundle TrustBundle { get; }
}
