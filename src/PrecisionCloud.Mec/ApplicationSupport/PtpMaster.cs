namespace PrecisionCloud.Mec.ApplicationSupport;

/// <summary>A PTP master the platform offers (ETSI GS MEC 011 clause 7.1.2.4, <c>ptpMasters</c>).</summary>
/// <param name="PtpMasterIpAddress">Its IP address.</param>
/// <param name="PtpMasterLocalPriority">Its local priority (1 is the highest).</param>
/// <param name="DelayReqMaxRate">The acceptable maximum rate of Delay_Req messages, in packets per second.</param>
public sealed record PtpMaster(string PtpMasterIpAddress, int PtpMasterLocalPriority, int DelayReqMaxRate);
