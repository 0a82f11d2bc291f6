using System.Text.Json.Serialization;

namespace PrecisionCloud.Mec.ApplicationSupport;

/// <summary>The state of a traffic or DNS rule (ETSI GS MEC 011 clauses 7.1.2.2 and 7.1.2.3), changed by PUT.</summary>
public enum RuleState
{
    /// <summary>The rule is applied.</summary>
    [JsonStringEnumMemberName("ACTIVE")]
    Active,

    /// <summary>The rule is not applied.</summary>
    [JsonStringEnumMemberName("INACTIVE")]
    Inactive,
}
