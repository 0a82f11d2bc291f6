using PrecisionCloud.UserPlane.Classification;
using PrecisionCloud.UserPlane.Packets;
using PrecisionCloud.UserPlane.Rules;

namespace PrecisionCloud.UserPlane.Hosting;

/// <summary>The rule set a static session stands for: what an SMF would install for one PDU session with one QoS flow.</summary>
internal static class StaticSessionRules
{
    private static readonly FlowDescription ToUe = FlowDescription.Parse("permit out ip from any to assigned");

    public static SessionRules For(StaticSessionOptions session, ulong seid)
    {
        var ue = InetAddress.Parse(session.UeAddress);
        return new SessionRules
        {
            Seid = seid,
            Pdrs =
            [
                new PacketDetectionRule
                {
                    Id = 1,
                    Precedence = 255,
                    Pdi = new PacketDetectionInformation { SourceInterface = SourceInterface.Access, LocalTeid = session.UplinkTeid, UeIPv4Address = ue, SdfFilters = [ToUe] },
                    OuterHeaderRemoval = OuterHeaderRemoval.GtpUUdpIPv4,
                    FarId = 1,
                    QerIds = [1],
                    UrrIds = [1],
                },
                new PacketDetectionRule
                {
                    Id = 2,
                    Precedence = 255,
                    Pdi = new PacketDetectionInformation { SourceInterface = SourceInterface.Core, UeIPv4Address = ue, SdfFilters = [ToUe] },
                    FarId = 2,
                    QerIds = [1],
                    UrrIds = [1],
                },
            ],
            Fars =
            [
                new ForwardingActionRule
                {
                    Id = 1,
                    ApplyAction = ApplyAction.Forward,
                    Forwarding = new ForwardingParameters { DestinationInterface = DestinationInterface.Core, NetworkInstance = session.NetworkInstance },
                },
                new ForwardingActionRule
                {
                    Id = 2,
                    ApplyAction = ApplyAction.Forward,
                    Forwarding = new ForwardingParameters
                    {
                        DestinationInterface = DestinationInterface.Access,
                        OuterHeaderCreation = new OuterHeaderCreation(session.DownlinkTeid, InetAddress.Parse(session.GnbAddress)),
                    },
                },
            ],
            Qers = [new QosEnforcementRule { Id = 1, Qfi = session.Qfi, UplinkMbrKbps = session.UplinkMbrKbps, DownlinkMbrKbps = session.DownlinkMbrKbps }],
            Urrs = [new UsageReportingRule { Id = 1, MeasurementMethod = MeasurementMethod.Volume | MeasurementMethod.Duration }],
        };
    }
}
