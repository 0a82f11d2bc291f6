using PrecisionCloud.UserPlane.Pfcp.InformationElements;
using PrecisionCloud.UserPlane.Rules;

namespace PrecisionCloud.UserPlane.Pfcp.Sessions;

/// <summary>
/// A Create PDR as the SMF sent it: the rule, and its PDI's local F-TEID when it asks the user plane to CHOOSE one
/// (then <see cref="PacketDetectionInformation.LocalTeid"/> is still empty and the agent fills it in).
/// </summary>
/// <param name="Rule">The rule.</param>
/// <param name="LocalFTeid">The PDI's local F-TEID as sent, if any.</param>
public sealed record PdrRequest(PacketDetectionRule Rule, FTeid? LocalFTeid);
