using System.Buffers.Binary;
using System.Runtime.InteropServices;
using PrecisionCloud.UserPlane.Classification;
using PrecisionCloud.UserPlane.Packets;
using PrecisionCloud.UserPlane.Rules;

namespace PrecisionCloud.UserPlane.Sessions;

/// <summary>
/// A session's rules as last installed, kept compactly: the scalar fields in one byte array (variable-length
/// integers, presence bits) and the shared objects (network instance names, SDF filter lists, application IDs) by
/// reference in one small array, itself shared by the sessions that refer to the same objects. A million sessions
/// keep their rules this way in a fraction of what the record graph takes (dozens of objects per session), and the
/// fast path never reads them: it runs the compiled form.
/// The records are rebuilt only when the rules are read back (a modification, a query).
/// </summary>
internal readonly struct EncodedRules
{
    [ThreadStatic]
    private static Writer? _threadWriter;

    private readonly byte[] _bytes;
    private readonly object[] _objects;

    private EncodedRules(byte[] bytes, object[] objects)
    {
        _bytes = bytes;
        _objects = objects;
    }

    /// <summary>The encoded size in bytes (the scalars; the shared objects are counted once for all sessions).</summary>
    public int Length => _bytes.Length;

    public static EncodedRules Encode(SessionRules rules)
    {
        var writer = _threadWriter ??= new Writer();
        writer.Reset();
        // Index loops: enumerating an IReadOnlyList allocates an enumerator, and this runs for every session installed.
        writer.Count(rules.Pdrs.Count, rules.Fars.Count, rules.Qers.Count, rules.Urrs.Count, rules.Bars.Count);
        for (var i = 0; i < rules.Pdrs.Count; i++)
        {
            writer.Pdr(rules.Pdrs[i]);
        }

        for (var i = 0; i < rules.Fars.Count; i++)
        {
            writer.Far(rules.Fars[i]);
        }

        for (var i = 0; i < rules.Qers.Count; i++)
        {
            writer.Qer(rules.Qers[i]);
        }

        for (var i = 0; i < rules.Urrs.Count; i++)
        {
            writer.Urr(rules.Urrs[i]);
        }

        for (var i = 0; i < rules.Bars.Count; i++)
        {
            writer.Bar(rules.Bars[i]);
        }

        return new EncodedRules(writer.Bytes(), writer.Objects());
    }

    public SessionRules Decode(ulong seid)
    {
        var reader = new Reader(_bytes, _objects);
        var pdrs = new PacketDetectionRule[reader.Count()];
        var fars = new ForwardingActionRule[reader.Count()];
        var qers = new QosEnforcementRule[reader.Count()];
        var urrs = new UsageReportingRule[reader.Count()];
        var bars = new BufferingActionRule[reader.Count()];
        for (var i = 0; i < pdrs.Length; i++)
        {
            pdrs[i] = reader.Pdr();
        }

        for (var i = 0; i < fars.Length; i++)
        {
            fars[i] = reader.Far();
        }

        for (var i = 0; i < qers.Length; i++)
        {
            qers[i] = reader.Qer();
        }

        for (var i = 0; i < urrs.Length; i++)
        {
            urrs[i] = reader.Urr();
        }

        for (var i = 0; i < bars.Length; i++)
        {
            bars[i] = reader.Bar();
        }

        return new SessionRules { Seid = seid, Pdrs = pdrs, Fars = fars, Qers = qers, Urrs = urrs, Bars = bars };
    }

    [Flags]
    private enum PdrFields : ushort
    {
        LocalTeid = 1,
        LocalAddress = 1 << 1,
        UeIPv4 = 1 << 2,
        UeIPv6 = 1 << 3,
        PrefixLength = 1 << 4,
        Qfi = 1 << 5,
        OuterHeaderRemoval = 1 << 6,
        NetworkInstance = 1 << 7,
        ApplicationId = 1 << 8,
        SdfFilters = 1 << 9,
        QerIds = 1 << 10,
        UrrIds = 1 << 11,
    }

    [Flags]
    private enum FarFields : byte
    {
        Forwarding = 1,
        Duplicating = 1 << 1,
        BarId = 1 << 2,
    }

    [Flags]
    private enum ForwardingFields : byte
    {
        NetworkInstance = 1,
        OuterHeaderCreation = 1 << 1,
        TransportLevelMarking = 1 << 2,
    }

    [Flags]
    private enum QerFields : byte
    {
        UplinkGateClosed = 1,
        DownlinkGateClosed = 1 << 1,
        UplinkMbr = 1 << 2,
        DownlinkMbr = 1 << 3,
        UplinkGbr = 1 << 4,
        DownlinkGbr = 1 << 5,
        Qfi = 1 << 6,
        Rqi = 1 << 7,
    }

    [Flags]
    private enum UrrFields : byte
    {
        MeasurementPeriod = 1,
        VolumeThreshold = 1 << 1,
        VolumeQuota = 1 << 2,
        TimeThreshold = 1 << 3,
        TimeQuota = 1 << 4,
        InactivityDetectionTime = 1 << 5,
    }

    [Flags]
    private enum VolumeFields : byte
    {
        Total = 1,
        Uplink = 1 << 1,
        Downlink = 1 << 2,
    }

    /// <summary>Builds encodings in a reused buffer (one per thread); only the exact-size results are allocated.</summary>
    private sealed class Writer
    {
        private readonly List<object> _objects = [];
        private byte[] _buffer = new byte[1024];
        private int _length;

        public void Reset()
        {
            _length = 0;
            _objects.Clear();
        }

        public byte[] Bytes() => _buffer.AsSpan(0, _length).ToArray();

        public object[] Objects() => SharedObjectLists.For(CollectionsMarshal.AsSpan(_objects));

        public void Count(params ReadOnlySpan<int> counts)
        {
            foreach (var count in counts)
            {
                Number((ulong)count);
            }
        }

        public void Pdr(PacketDetectionRule pdr)
        {
            var pdi = pdr.Pdi;
            var fields = (pdi.LocalTeid is null ? 0 : PdrFields.LocalTeid)
                | (pdi.LocalAddress is null ? 0 : PdrFields.LocalAddress)
                | (pdi.UeIPv4Address is null ? 0 : PdrFields.UeIPv4)
                | (pdi.UeIPv6Address is null ? 0 : PdrFields.UeIPv6)
                | (pdi.UeIPv6PrefixLength == 64 ? 0 : PdrFields.PrefixLength)
                | (pdi.Qfi is null ? 0 : PdrFields.Qfi)
                | (pdr.OuterHeaderRemoval is null ? 0 : PdrFields.OuterHeaderRemoval)
                | (pdi.NetworkInstance is null ? 0 : PdrFields.NetworkInstance)
                | (pdi.ApplicationId is null ? 0 : PdrFields.ApplicationId)
                | (pdi.SdfFilters.Count == 0 ? 0 : PdrFields.SdfFilters)
                | (pdr.QerIds.Count == 0 ? 0 : PdrFields.QerIds)
                | (pdr.UrrIds.Count == 0 ? 0 : PdrFields.UrrIds);
            Number((ulong)fields);
            Number(pdr.Id);
            Number(pdr.Precedence);
            Number(pdr.FarId);
            Byte((byte)pdi.SourceInterface);
            if (pdi.LocalTeid is { } teid)
            {
                UInt32(teid);
            }

            Address(pdi.LocalAddress);
            Address(pdi.UeIPv4Address);
            Address(pdi.UeIPv6Address);
            if ((fields & PdrFields.PrefixLength) != 0)
            {
                Number((ulong)pdi.UeIPv6PrefixLength);
            }

            if (pdi.Qfi is { } qfi)
            {
                Byte(qfi);
            }

            if (pdr.OuterHeaderRemoval is { } removal)
            {
                Byte((byte)removal);
            }

            Shared(pdi.NetworkInstance);
            Shared(pdi.ApplicationId);
            Shared((fields & PdrFields.SdfFilters) != 0 ? pdi.SdfFilters : null);
            Ids(pdr.QerIds);
            Ids(pdr.UrrIds);
        }

        public void Far(ForwardingActionRule far)
        {
            var fields = (far.Forwarding is null ? 0 : FarFields.Forwarding)
                | (far.Duplicating is null ? 0 : FarFields.Duplicating)
                | (far.BarId is null ? 0 : FarFields.BarId);
            Byte((byte)fields);
            Number(far.Id);
            Number((ulong)far.ApplyAction);
            Forwarding(far.Forwarding);
            Forwarding(far.Duplicating);
            if (far.BarId is { } bar)
            {
                Byte(bar);
            }
        }

        public void Qer(QosEnforcementRule qer)
        {
            var fields = (qer.UplinkGateOpen ? 0 : QerFields.UplinkGateClosed)
                | (qer.DownlinkGateOpen ? 0 : QerFields.DownlinkGateClosed)
                | (qer.UplinkMbrKbps is null ? 0 : QerFields.UplinkMbr)
                | (qer.DownlinkMbrKbps is null ? 0 : QerFields.DownlinkMbr)
                | (qer.UplinkGbrKbps is null ? 0 : QerFields.UplinkGbr)
                | (qer.DownlinkGbrKbps is null ? 0 : QerFields.DownlinkGbr)
                | (qer.Qfi is null ? 0 : QerFields.Qfi)
                | (qer.Rqi ? QerFields.Rqi : 0);
            Byte((byte)fields);
            Number(qer.Id);
            Optional(qer.UplinkMbrKbps);
            Optional(qer.DownlinkMbrKbps);
            Optional(qer.UplinkGbrKbps);
            Optional(qer.DownlinkGbrKbps);
            if (qer.Qfi is { } qfi)
            {
                Byte(qfi);
            }
        }

        public void Urr(UsageReportingRule urr)
        {
            var fields = (urr.MeasurementPeriod is null ? 0 : UrrFields.MeasurementPeriod)
                | (urr.VolumeThreshold is null ? 0 : UrrFields.VolumeThreshold)
                | (urr.VolumeQuota is null ? 0 : UrrFields.VolumeQuota)
                | (urr.TimeThreshold is null ? 0 : UrrFields.TimeThreshold)
                | (urr.TimeQuota is null ? 0 : UrrFields.TimeQuota)
                | (urr.InactivityDetectionTime is null ? 0 : UrrFields.InactivityDetectionTime);
            Byte((byte)fields);
            Number(urr.Id);
            Byte((byte)urr.MeasurementMethod);
            Number((ulong)urr.ReportingTriggers);
            Duration(urr.MeasurementPeriod);
            Volume(urr.VolumeThreshold);
            Volume(urr.VolumeQuota);
            Duration(urr.TimeThreshold);
            Duration(urr.TimeQuota);
            Duration(urr.InactivityDetectionTime);
        }

        public void Bar(BufferingActionRule bar)
        {
            Byte(bar.Id);
            Number(bar.SuggestedBufferingPacketsCount is { } count ? count + 1u : 0u);
        }

        private void Forwarding(ForwardingParameters? forwarding)
        {
            if (forwarding is null)
            {
                return;
            }

            var fields = (forwarding.NetworkInstance is null ? 0 : ForwardingFields.NetworkInstance)
                | (forwarding.OuterHeaderCreation is null ? 0 : ForwardingFields.OuterHeaderCreation)
                | (forwarding.TransportLevelMarking is null ? 0 : ForwardingFields.TransportLevelMarking);
            Byte((byte)fields);
            Byte((byte)forwarding.DestinationInterface);
            Shared(forwarding.NetworkInstance);
            if (forwarding.OuterHeaderCreation is { } tunnel)
            {
                UInt32(tunnel.Teid);
                Address(tunnel.PeerAddress);
                Number(tunnel.PeerPort);
            }

            if (forwarding.TransportLevelMarking is { } marking)
            {
                Byte(marking);
            }
        }

        private void Volume(VolumeLimit? limit)
        {
            if (limit is null)
            {
                return;
            }

            Byte((byte)((limit.TotalBytes is null ? 0 : VolumeFields.Total) | (limit.UplinkBytes is null ? 0 : VolumeFields.Uplink) | (limit.DownlinkBytes is null ? 0 : VolumeFields.Downlink)));
            Optional(limit.TotalBytes);
            Optional(limit.UplinkBytes);
            Optional(limit.DownlinkBytes);
        }

        private void Duration(TimeSpan? duration)
        {
            if (duration is { } value)
            {
                // Zigzag, so that a (meaningless but representable) negative span survives too.
                Number((ulong)((value.Ticks << 1) ^ (value.Ticks >> 63)));
            }
        }

        private void Ids(IReadOnlyList<uint> ids)
        {
            if (ids.Count == 0)
            {
                return;
            }

            Number((ulong)ids.Count);
            for (var i = 0; i < ids.Count; i++)
            {
                Number(ids[i]);
            }
        }

        private void Shared(object? value)
        {
            if (value is null)
            {
                return;
            }

            // Sessions share these objects (interned names, filter lists); within one session each is kept once.
            var index = 0;
            while (index < _objects.Count && !SharedObjectLists.Same(_objects[index], value))
            {
                index++;
            }

            if (index == _objects.Count)
            {
                _objects.Add(value);
            }

            Number((ulong)index);
        }

        private void Address(InetAddress? address)
        {
            if (address is not { } value)
            {
                return;
            }

            Byte(value.IsIPv6 ? (byte)6 : (byte)4);
            Ensure(16);
            value.TryWrite(_buffer.AsSpan(_length));
            _length += value.Length;
        }

        private void Optional(ulong? value)
        {
            if (value is { } number)
            {
                Number(number);
            }
        }

        private void UInt32(uint value)
        {
            Ensure(4);
            BinaryPrimitives.WriteUInt32LittleEndian(_buffer.AsSpan(_length), value);
            _length += 4;
        }

        private void Byte(byte value)
        {
            Ensure(1);
            _buffer[_length++] = value;
        }

        private void Number(ulong value)
        {
            Ensure(10);
            while (value >= 0x80)
            {
                _buffer[_length++] = (byte)(value | 0x80);
                value >>= 7;
            }

            _buffer[_length++] = (byte)value;
        }

        private void Ensure(int more)
        {
            if (_length + more > _buffer.Length)
            {
                Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + more));
            }
        }
    }

    /// <summary>Reads what <see cref="Writer"/> wrote, in the same order.</summary>
    private ref struct Reader(ReadOnlySpan<byte> bytes, object[] objects)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private int _at;

        public int Count() => (int)Number();

        public PacketDetectionRule Pdr()
        {
            var fields = (PdrFields)Number();
            var id = (ushort)Number();
            var precedence = (uint)Number();
            var farId = (uint)Number();
            var source = (SourceInterface)Byte();
            uint? teid = (fields & PdrFields.LocalTeid) != 0 ? UInt32() : null;
            var localAddress = (fields & PdrFields.LocalAddress) != 0 ? Address() : (InetAddress?)null;
            var ueIPv4 = (fields & PdrFields.UeIPv4) != 0 ? Address() : (InetAddress?)null;
            var ueIPv6 = (fields & PdrFields.UeIPv6) != 0 ? Address() : (InetAddress?)null;
            var prefixLength = (fields & PdrFields.PrefixLength) != 0 ? (int)Number() : 64;
            byte? qfi = (fields & PdrFields.Qfi) != 0 ? Byte() : null;
            OuterHeaderRemoval? removal = (fields & PdrFields.OuterHeaderRemoval) != 0 ? (OuterHeaderRemoval)Byte() : null;
            var networkInstance = (fields & PdrFields.NetworkInstance) != 0 ? (string)Shared() : null;
            var applicationId = (fields & PdrFields.ApplicationId) != 0 ? (string)Shared() : null;
            var filters = (fields & PdrFields.SdfFilters) != 0 ? (IReadOnlyList<FlowDescription>)Shared() : [];
            return new PacketDetectionRule
            {
                Id = id,
                Precedence = precedence,
                FarId = farId,
                OuterHeaderRemoval = removal,
                QerIds = (fields & PdrFields.QerIds) != 0 ? Ids() : [],
                UrrIds = (fields & PdrFields.UrrIds) != 0 ? Ids() : [],
                Pdi = new PacketDetectionInformation
                {
                    SourceInterface = source,
                    LocalTeid = teid,
                    LocalAddress = localAddress,
                    UeIPv4Address = ueIPv4,
                    UeIPv6Address = ueIPv6,
                    UeIPv6PrefixLength = prefixLength,
                    Qfi = qfi,
                    NetworkInstance = networkInstance,
                    ApplicationId = applicationId,
                    SdfFilters = filters,
                },
            };
        }

        public ForwardingActionRule Far()
        {
            var fields = (FarFields)Byte();
            var id = (uint)Number();
            var action = (ApplyAction)Number();
            var forwarding = (fields & FarFields.Forwarding) != 0 ? Forwarding() : null;
            var duplicating = (fields & FarFields.Duplicating) != 0 ? Forwarding() : null;
            byte? bar = (fields & FarFields.BarId) != 0 ? Byte() : null;
            return new ForwardingActionRule { Id = id, ApplyAction = action, Forwarding = forwarding, Duplicating = duplicating, BarId = bar };
        }

        public QosEnforcementRule Qer()
        {
            var fields = (QerFields)Byte();
            return new QosEnforcementRule
            {
                Id = (uint)Number(),
                UplinkGateOpen = (fields & QerFields.UplinkGateClosed) == 0,
                DownlinkGateOpen = (fields & QerFields.DownlinkGateClosed) == 0,
                UplinkMbrKbps = (fields & QerFields.UplinkMbr) != 0 ? Number() : null,
                DownlinkMbrKbps = (fields & QerFields.DownlinkMbr) != 0 ? Number() : null,
                UplinkGbrKbps = (fields & QerFields.UplinkGbr) != 0 ? Number() : null,
                DownlinkGbrKbps = (fields & QerFields.DownlinkGbr) != 0 ? Number() : null,
                Qfi = (fields & QerFields.Qfi) != 0 ? Byte() : null,
                Rqi = (fields & QerFields.Rqi) != 0,
            };
        }

        public UsageReportingRule Urr()
        {
            var fields = (UrrFields)Byte();
            return new UsageReportingRule
            {
                Id = (uint)Number(),
                MeasurementMethod = (MeasurementMethod)Byte(),
                ReportingTriggers = (ReportingTriggers)Number(),
                MeasurementPeriod = (fields & UrrFields.MeasurementPeriod) != 0 ? Duration() : null,
                VolumeThreshold = (fields & UrrFields.VolumeThreshold) != 0 ? Volume() : null,
                VolumeQuota = (fields & UrrFields.VolumeQuota) != 0 ? Volume() : null,
                TimeThreshold = (fields & UrrFields.TimeThreshold) != 0 ? Duration() : null,
                TimeQuota = (fields & UrrFields.TimeQuota) != 0 ? Duration() : null,
                InactivityDetectionTime = (fields & UrrFields.InactivityDetectionTime) != 0 ? Duration() : null,
            };
        }

        public BufferingActionRule Bar()
        {
            var id = Byte();
            var count = Number();
            return new BufferingActionRule { Id = id, SuggestedBufferingPacketsCount = count == 0 ? null : (ushort)(count - 1) };
        }

        private ForwardingParameters Forwarding()
        {
            var fields = (ForwardingFields)Byte();
            var destination = (DestinationInterface)Byte();
            var networkInstance = (fields & ForwardingFields.NetworkInstance) != 0 ? (string)Shared() : null;
            OuterHeaderCreation? tunnel = null;
            if ((fields & ForwardingFields.OuterHeaderCreation) != 0)
            {
                var teid = UInt32();
                var peer = Address();
                tunnel = new OuterHeaderCreation(teid, peer, (ushort)Number());
            }

            byte? marking = (fields & ForwardingFields.TransportLevelMarking) != 0 ? Byte() : null;
            return new ForwardingParameters { DestinationInterface = destination, NetworkInstance = networkInstance, OuterHeaderCreation = tunnel, TransportLevelMarking = marking };
        }

        private VolumeLimit Volume()
        {
            var fields = (VolumeFields)Byte();
            ulong? total = (fields & VolumeFields.Total) != 0 ? Number() : null;
            ulong? uplink = (fields & VolumeFields.Uplink) != 0 ? Number() : null;
            ulong? downlink = (fields & VolumeFields.Downlink) != 0 ? Number() : null;
            return new VolumeLimit(total, uplink, downlink);
        }

        private TimeSpan Duration()
        {
            var zigzag = Number();
            return TimeSpan.FromTicks((long)(zigzag >> 1) ^ -(long)(zigzag & 1));
        }

        private uint[] Ids()
        {
            var ids = new uint[Number()];
            for (var i = 0; i < ids.Length; i++)
            {
                ids[i] = (uint)Number();
            }

            return ids;
        }

        private object Shared() => objects[(int)Number()];

        private InetAddress Address()
        {
            var length = Byte() == 6 ? 16 : 4;
            InetAddress.TryRead(_bytes.Slice(_at, length), out var address);
            _at += length;
            return address;
        }

        private uint UInt32()
        {
            var value = BinaryPrimitives.ReadUInt32LittleEndian(_bytes[_at..]);
            _at += 4;
            return value;
        }

        private byte Byte() => _bytes[_at++];

        private ulong Number()
        {
            ulong value = 0;
            for (var shift = 0; ; shift += 7)
            {
                var next = _bytes[_at++];
                value |= (ulong)(next & 0x7F) << shift;
                if (next < 0x80)
                {
                    return value;
                }
            }
        }
    }
}
