using System.Buffers.Binary;
using PrecisionCloud.UserPlane.Pfcp.Codec;
using PrecisionCloud.UserPlane.Pfcp.InformationElements;

namespace PrecisionCloud.UserPlane.Pfcp.Messages;

/// <summary>
/// The IEs of node messages (heartbeat, association), gathered in one pass over a message in any order: the first of
/// each type counts, unknown and vendor IEs are skipped, and the first unreadable known IE is the problem.
/// </summary>
internal ref struct NodeMessageFields
{
    public NodeId? NodeId;
    public uint? RecoveryTimeStamp;
    public PfcpCause? Cause;
    public UpFunctionFeatures? UpFunctionFeatures;
    public CpFunctionFeatures? CpFunctionFeatures;
    public PfcpIeProblem? Problem;

    public static NodeMessageFields Read(PfcpIeReader ies)
    {
        var fields = default(NodeMessageFields);
        while (ies.MoveNext())
        {
            var ie = ies.Current;
            var value = ie.Value;
            switch (ie.KnownType)
            {
                case PfcpIeType.NodeId when fields.NodeId is null:
                    if (InformationElements.NodeId.TryRead(value, out var node))
                    {
                        fields.NodeId = node;
                    }
                    else
                    {
                        fields.Problem ??= PfcpIeProblem.Incorrect(PfcpIeType.NodeId);
                    }

                    break;
                case PfcpIeType.RecoveryTimeStamp when fields.RecoveryTimeStamp is null:
                    if (value.Length >= 4)
                    {
                        fields.RecoveryTimeStamp = BinaryPrimitives.ReadUInt32BigEndian(value);
                    }
                    else
                    {
                        fields.Problem ??= PfcpIeProblem.InvalidLength(PfcpIeType.RecoveryTimeStamp);
                    }

                    break;
                case PfcpIeType.Cause when fields.Cause is null:
                    if (value.Length >= 1)
                    {
                        fields.Cause = (PfcpCause)value[0];
                    }
                    else
                    {
                        fields.Problem ??= PfcpIeProblem.InvalidLength(PfcpIeType.Cause);
                    }

                    break;
                case PfcpIeType.UpFunctionFeatures when fields.UpFunctionFeatures is null:
                    fields.UpFunctionFeatures = (UpFunctionFeatures)FeatureBits.Read(value);
                    break;
                case PfcpIeType.CpFunctionFeatures when fields.CpFunctionFeatures is null:
                    fields.CpFunctionFeatures = (CpFunctionFeatures)FeatureBits.Read(value);
                    break;
                default:
                    break;
            }
        }

        if (ies.Status != PfcpDecodeStatus.Ok)
        {
            fields.Problem ??= PfcpIeProblem.InvalidLength((PfcpIeType)ies.TruncatedType);
        }

        return fields;
    }

    public static void WriteRecoveryTimeStamp(ref PfcpWriter writer, uint recoveryTimeStamp) =>
        writer.WriteIe(PfcpIeType.RecoveryTimeStamp, recoveryTimeStamp);

    /// <summary>Writes the UP Function Features (at least 2 octets) and CP Function Features (at least 1) that are present.</summary>
    public static void WriteFunctionFeatures(ref PfcpWriter writer, UpFunctionFeatures? up, CpFunctionFeatures? cp)
    {
        if (up is { } upBits)
        {
            WriteFeatures(ref writer, PfcpIeType.UpFunctionFeatures, (ulong)upBits, minimumLength: 2);
        }

        if (cp is { } cpBits)
        {
            WriteFeatures(ref writer, PfcpIeType.CpFunctionFeatures, (ulong)cpBits, minimumLength: 1);
        }
    }

    private static void WriteFeatures(ref PfcpWriter writer, PfcpIeType type, ulong bits, int minimumLength)
    {
        var value = writer.ReserveIe(type, FeatureBits.Length(bits, minimumLength));
        FeatureBits.Write(bits, value);
    }
}
