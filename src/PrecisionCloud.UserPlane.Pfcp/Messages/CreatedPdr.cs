using PrecisionCloud.UserPlane.Pfcp.InformationElements;

namespace PrecisionCloud.UserPlane.Pfcp.Messages;

/// <summary>A Created PDR (3GPP TS 29.244 §7.5.3.2): the F-TEID the user plane chose for a PDR that asked it to CHOOSE.</summary>
/// <param name="PdrId">The PDR.</param>
/// <param name="LocalFTeid">The chosen F-TEID.</param>
public sealed record CreatedPdr(ushort PdrId, FTeid LocalFTeid);
