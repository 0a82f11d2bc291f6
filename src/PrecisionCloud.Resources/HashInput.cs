using PrecisionCloud.Resources.Compute;
using PrecisionCloud.Resources.Networking;

namespace PrecisionCloud.Resources;

/// <summary>Everything a workload's provider applies, hashed to tell a change (ours or behind our back).</summary>
internal sealed record HashInput(
    WorkloadSpec Spec,
    WorkloadKind Kind,
    string Node,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Addresses,
    IReadOnlyList<SecurityPolicySpec> Policies,
    IReadOnlyList<string> VolumeUids);
