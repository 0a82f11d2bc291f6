using PrecisionCloud.UserPlane.Pfcp.Codec;
using PrecisionCloud.UserPlane.Pfcp.Messages;
using PrecisionCloud.UserPlane.Rules;

namespace PrecisionCloud.UserPlane.Pfcp.InformationElements;

/// <summary>The IEs that tell the SMF how its rules fared: Created PDR (§7.5.3.2) and Failed Rule ID (§8.2.80).</summary>
internal static class RuleOutcomeIes
{
    public static void WriteCreatedPdrs(ref PfcpWriter writer, IReadOnlyList<CreatedPdr> created)
    {
        foreach (var pdr in created)
        {
            var group = writer.BeginGroup(PfcpIeType.CreatedPdr);
            writer.WriteIe(PfcpIeType.PdrId, pdr.PdrId);
            pdr.LocalFTeid.Write(ref writer);
            writer.EndGroup(group);
        }
    }

    /// <summary>The rule type, then its ID in the width of its kind.</summary>
    public static void WriteFailedRuleId(ref PfcpWriter writer, RuleKind kind, uint id)
    {
        var width = kind switch { RuleKind.Pdr => 2, RuleKind.Bar => 1, _ => 4 };
        var value = writer.ReserveIe(PfcpIeType.FailedRuleId, 1 + width);
        if (value.IsEmpty)
        {
            return;
        }

        value[0] = (byte)kind;
        for (var i = 0; i < width; i++)
        {
            value[width - i] = (byte)(id >> (8 * i));
        }
    }
}
