using System.Text.Json.Serialization;

namespace PrecisionCloud.Mec.ApplicationSupport;

/// <summary>What the platform is doing to an application instance (ETSI GS MEC 011 clauses 7.1.4.2 and 7.1.4.3, <c>operationAction</c>).</summary>
public enum OperationAction
{
    /// <summary>The instance is being stopped.</summary>
    [JsonStringEnumMemberName("STOPPING")]
    Stopping,

    /// <summary>The instance is being terminated.</summary>
    [JsonStringEnumMemberName("TERMINATING")]
    Terminating,
}
