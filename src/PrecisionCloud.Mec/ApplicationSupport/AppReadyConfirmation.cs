namespace PrecisionCloud.Mec.ApplicationSupport;

/// <summary>An application instance's confirmation that it is ready (ETSI GS MEC 011 clause 7.1.4.4).</summary>
/// <param name="Indication">Always <see cref="ReadyIndication.Ready"/>.</param>
public sealed record AppReadyConfirmation(ReadyIndication Indication);
