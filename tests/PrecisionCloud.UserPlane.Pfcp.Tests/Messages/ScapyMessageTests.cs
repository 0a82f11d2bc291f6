using System.Globalization;
using PrecisionCloud.Tests.Oracles;
using PrecisionCloud.UserPlane.Pfcp.Codec;
using PrecisionCloud.UserPlane.Pfcp.InformationElements;
using PrecisionCloud.UserPlane.Pfcp.Messages;

namespace PrecisionCloud.UserPlane.Pfcp.Tests.Messages;

/// <summary>Messages built by scapy (scapy.contrib.pfcp) parse in our reader to the values scapy was given.</summary>
public sealed class ScapyMessageTests
{
    [Fact]
    public async Task Node_messages_built_by_scapy_parse_to_their_values()
    {
        var lines = await ExternalTool.RunScapyAsync("scapy_pfcp.py");
        Assert.Equal(5, lines.Length);
        foreach (var line in lines)
        {
            var (name, seq, node, recovery, cause, features, hex) = Split(line);
            var bytes = Convert.FromHexString(hex);
            Assert.Equal(PfcpDecodeStatus.Ok, PfcpMessageReader.TryReadHeader(bytes, out var header));
            Assert.Equal(uint.Parse(seq, CultureInfo.InvariantCulture), header.SequenceNumber);
            Assert.False(header.HasSeid, name);
            var ies = PfcpMessageReader.ReadIes(bytes, header);
            switch (header.MessageType)
            {
                case PfcpMessageType.HeartbeatRequest:
                    Assert.True(HeartbeatRequest.TryDecode(ies, out var heartbeat, out _), name);
                    Assert.Equal(uint.Parse(recovery, CultureInfo.InvariantCulture), heartbeat!.RecoveryTimeStamp);
                    break;
                case PfcpMessageType.HeartbeatResponse:
                    Assert.True(HeartbeatResponse.TryDecode(ies, out var answer, out _), name);
                    Assert.Equal(uint.Parse(recovery, CultureInfo.InvariantCulture), answer!.RecoveryTimeStamp);
                    break;
                case PfcpMessageType.AssociationSetupRequest:
                    Assert.True(AssociationSetupRequest.TryDecode(ies, out var request, out var problem), $"{name}: {problem}");
                    Assert.Equal(node, request!.NodeId.ToString());
                    Assert.Equal(uint.Parse(recovery, CultureInfo.InvariantCulture), request.RecoveryTimeStamp);
                    Assert.Equal(features == "-" ? null : (CpFunctionFeatures)ulong.Parse(features, CultureInfo.InvariantCulture), request.CpFunctionFeatures);
                    break;
                case PfcpMessageType.AssociationSetupResponse:
                    Assert.True(AssociationSetupResponse.TryDecode(ies, out var response, out _), name);
                    Assert.Equal((node, (PfcpCause)byte.Parse(cause, CultureInfo.InvariantCulture)), (response!.NodeId.ToString(), response.Cause));
                    Assert.Equal((UpFunctionFeatures)ulong.Parse(features, CultureInfo.InvariantCulture), response.UpFunctionFeatures);
                    break;
                default:
                    Assert.Fail($"{name}: unexpected {header.MessageType}");
                    break;
            }
        }
    }

    private static (string, string, string, string, string, string, string) Split(string line)
    {
        var parts = line.Split('|');
        return (parts[0], parts[1], parts[2], parts[3], parts[4], parts[5], parts[6]);
    }
}
