using PrecisionCloud.UserPlane.Packets;
using PrecisionCloud.UserPlane.Rules;

namespace PrecisionCloud.UserPlane.Sessions;

/// <summary>A FAR resolved for the fast path: the egress, the N6 port or the tunnel to create.</summary>
internal sealed class CompiledFar
{
    public CompiledFar(ForwardingActionRule rule, Func<string?, int> n6PortOf)
    {
        Id = rule.Id;
        var action = rule.ApplyAction;
        if ((action & ApplyAction.Forward) != 0 && rule.Forwarding is { } forwarding)
        {
            if (forwarding.OuterHeaderCreation is { } tunnel)
            {
                Egress = EgressKind.Tunnel;
                PeerTeid = tunnel.Teid;
                PeerAddress = tunnel.PeerAddress;
                PeerPort = tunnel.PeerPort;
            }
            else
            {
                Egress = EgressKind.N6;
                N6Port = n6PortOf(forwarding.NetworkInstance);
            }

            Dscp = forwarding.TransportLevelMarking ?? 0;
        }
        else if ((action & ApplyAction.Buffer) != 0)
        {
            Egress = EgressKind.Buffer;
        }
        else
        {
            Egress = EgressKind.Drop;
        }

        NotifyOnBuffer = (action & ApplyAction.NotifyCp) != 0;
        if ((action & ApplyAction.Duplicate) != 0 && rule.Duplicating?.OuterHeaderCreation is { } copy)
        {
            DuplicateTo = copy;
        }
    }

    public uint Id { get; }

    public EgressKind Egress { get; }

    public int N6Port { get; } = -1;

    public uint PeerTeid { get; }

    public InetAddress PeerAddress { get; }

    public ushort PeerPort { get; }

    public byte Dscp { get; }

    public bool NotifyOnBuffer { get; }

    public OuterHeaderCreation? DuplicateTo { get; }
}
