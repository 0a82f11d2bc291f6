namespace PrecisionCloud.Mec.ApplicationSupport;

/// <summary>An application instance's confirmation that it finished its graceful termination (ETSI GS MEC 011 clause 7.1.4.3).</summary>
/// <param name="OperationAction">The action of the notification it answers.</param>
public sealed record AppTerminationConfirmation(OperationAction OperationAction);
