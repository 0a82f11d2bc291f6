using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using PrecisionCloud.UserPlane.Packets;
using PrecisionCloud.UserPlane.Pipeline;

namespace PrecisionCloud.UserPlane.Ports;

/// <summary>
/// The receive side of an N3 port without a system call per batch: a Linux packet socket (packet(7)) with a
/// PACKET_MMAP ring (TPACKET_V2) shared with the kernel. The kernel copies each arriving IPv4 datagram for the port's
/// address and UDP port into the ring as it receives it (a classic BPF filter picks them); the worker reads the ring's
/// frames as memory, copies each UDP payload into a <see cref="PacketBatch"/> slot and hands the frame back. Only an
/// empty ring costs a poll(2).
/// </summary>
/// <remarks>
/// <para>
/// Use it beside a <see cref="UdpBatchSocket"/> bound to the same address and port: that socket keeps the port
/// (so the kernel sends no ICMP port unreachable), sends, and discards its own copy of each datagram in the kernel
/// (<see cref="UdpBatchSocket.DiscardIncoming"/>).
/// </para>
/// <para>
/// The ring sees datagrams before IP reassembly: outer IPv4 fragments are dropped and counted
/// (<see cref="FragmentsDropped"/>), so size the N3 MTU for GTP-U without fragmentation, or receive with the socket
/// where fragments occur. UDP checksums the NIC has not verified are verified here. IPv4 only. Needs CAP_NET_RAW.
/// </para>
/// </remarks>
public sealed unsafe class PacketRingReceiver : IDisposable
{
    private const uint StatusUser = 1;
    private const uint StatusLosing = 1 << 2;
    private const uint StatusChecksumNotReady = 1 << 3;
    private const uint StatusChecksumValid = 1 << 7;
    private const int FrameStatus = 0;
    private const int FrameSnapLength = 8;
    private const int FrameNetworkOffset = 14;
    private const int UdpHeaderLength = 8;

    private readonly int _descriptor;
    private readonly byte* _ring;
    private readonly nuint _ringBytes;
    private readonly int _frameSize;
    private readonly int _frameCount;
    private int _next;
    private long _kernelDrops;
    private bool _disposed;

    /// <summary>Opens the ring on an interface for one IPv4 address and UDP port.</summary>
    /// <param name="interfaceName">The interface the datagrams arrive on (for example <c>eth1</c>, or <c>lo</c> for tests).</param>
    /// <param name="localEndPoint">The N3 address and UDP port (2152); <see cref="IPAddress.Any"/> takes every address.</param>
    /// <param name="frameCount">Frames in the ring: how many datagrams can wait for the worker.</param>
    /// <param name="frameSize">Bytes per frame (a power of two of at least 2048); larger datagrams are dropped and counted.</param>
    /// <param name="fanoutGroup">
    /// A PACKET_FANOUT group (1-65535) shared by several workers' rings, which then split the datagrams by flow hash
    /// (all of one peer's tunnel on one ring, in order); 0 for a single ring that takes everything.
    /// </param>
    /// <exception cref="PacketRingException">The ring cannot be set up; the message names the cause and the fix.</exception>
    public PacketRingReceiver(string interfaceName, IPEndPoint localEndPoint, int frameCount = 4096, int frameSize = 2048, int fanoutGroup = 0)
    {
        ArgumentException.ThrowIfNullOrEmpty(interfaceName);
        ArgumentNullException.ThrowIfNull(localEndPoint);
        if (localEndPoint.AddressFamily != AddressFamily.InterNetwork)
        {
            throw new ArgumentException("The packet ring receives IPv4 N3 traffic only.", nameof(localEndPoint));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(frameCount, 8);
        ArgumentOutOfRangeException.ThrowIfNegative(fanoutGroup);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fanoutGroup, 0xFFFF);
        if (frameSize < 2048 || (frameSize & (frameSize - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(frameSize), frameSize, "A power of two of at least 2048.");
        }

        if (!OperatingSystem.IsLinux())
        {
            throw new PacketRingException("The packet ring needs Linux (packet sockets with PACKET_MMAP).");
        }

        var index = LinuxSockets.if_nametoindex(interfaceName);
        if (index == 0)
        {
            throw new PacketRingException($"No network interface '{interfaceName}' (see `ip link`).");
        }

        _descriptor = LinuxSockets.socket(LinuxSockets.AfPacket, LinuxSockets.SockDgram, BinaryPrimitives.ReverseEndianness(LinuxSockets.EthernetIPv4));
        if (_descriptor < 0)
        {
            var error = Marshal.GetLastPInvokeError();
            throw new PacketRingException(error == 1
                ? "Opening a packet socket needs CAP_NET_RAW: run as root, or grant the capability (setcap cap_net_raw+ep, or AmbientCapabilities=CAP_NET_RAW in the systemd unit)."
                : $"socket(AF_PACKET) failed: {Marshal.GetPInvokeErrorMessage(error)}.");
        }

        _frameSize = frameSize;
        _frameCount = frameCount;
        try
        {
            // The filter goes on before the ring and the bind, so nothing unfiltered is ever queued.
            if (!LinuxSockets.TryAttachFilter(_descriptor, IPv4UdpFilter(localEndPoint)))
            {
                throw Failure("SO_ATTACH_FILTER");
            }

            SetOption(LinuxSockets.PacketVersion, LinuxSockets.TPacketV2, "PACKET_VERSION");
            SetOption(LinuxSockets.PacketIgnoreOutgoing, 1, "PACKET_IGNORE_OUTGOING");
            var blockSize = Math.Max(frameSize, 1 << 16);
            var framesPerBlock = blockSize / frameSize;
            _frameCount = (frameCount + framesPerBlock - 1) / framesPerBlock * framesPerBlock;
            var request = stackalloc uint[4];
            request[0] = (uint)blockSize;
            request[1] = (uint)(_frameCount / framesPerBlock);
            request[2] = (uint)frameSize;
            request[3] = (uint)_frameCount;
            if (LinuxSockets.setsockopt(_descriptor, LinuxSockets.SolPacket, LinuxSockets.PacketRxRing, request, 16) < 0)
            {
                throw Failure("PACKET_RX_RING");
            }

            _ringBytes = (nuint)blockSize * request[1];
            _ring = (byte*)LinuxSockets.mmap(null, _ringBytes, LinuxSockets.ProtectionReadWrite, LinuxSockets.MapShared | LinuxSockets.MapPopulate, _descriptor, 0);
            if (_ring == (byte*)-1)
            {
                _ring = null;
                throw Failure("mmap of the ring");
            }

            // struct sockaddr_ll: family, protocol (network order), interface index; the rest unused for bind.
            var address = stackalloc byte[20];
            new Span<byte>(address, 20).Clear();
            *(ushort*)address = LinuxSockets.AfPacket;
            *(ushort*)(address + 2) = BinaryPrimitives.ReverseEndianness(LinuxSockets.EthernetIPv4);
            *(int*)(address + 4) = (int)index;
            if (LinuxSockets.bind(_descriptor, address, 20) < 0)
            {
                throw Failure("bind to the interface");
            }

            if (fanoutGroup != 0)
            {
                SetOption(LinuxSockets.PacketFanout, fanoutGroup | (LinuxSockets.PacketFanoutHash << 16), "PACKET_FANOUT");
            }
        }
        catch
        {
            Release();
            throw;
        }

        InterfaceName = interfaceName;
        LocalEndPoint = localEndPoint;
    }

    /// <summary>The interface the ring receives on.</summary>
    public string InterfaceName { get; }

    /// <summary>The address and UDP port the ring takes datagrams for.</summary>
    public IPEndPoint LocalEndPoint { get; }

    /// <summary>Frames in the ring.</summary>
    public int FrameCount => _frameCount;

    /// <summary>Outer IPv4 fragments dropped (the ring sees datagrams before reassembly).</summary>
    public long FragmentsDropped { get; private set; }

    /// <summary>Datagrams dropped for a wrong UDP checksum or inconsistent IPv4/UDP lengths.</summary>
    public long MalformedDropped { get; private set; }

    /// <summary>Datagrams larger than a frame, dropped.</summary>
    public long TruncatedDropped { get; private set; }

    /// <summary>Datagrams the kernel dropped because the ring was full (read from the socket's statistics).</summary>
    public long RingFullDropped
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var statistics = stackalloc uint[2];
            var length = 8u;
            if (LinuxSockets.getsockopt(_descriptor, LinuxSockets.SolPacket, LinuxSockets.PacketStatistics, statistics, &length) == 0)
            {
                _kernelDrops += statistics[1]; // reading resets the kernel's counters
            }

            return _kernelDrops;
        }
    }

    /// <summary>Whether this platform has packet rings (Linux).</summary>
    public static bool IsSupported => OperatingSystem.IsLinux();

    /// <summary>
    /// Waits up to <paramref name="timeoutMilliseconds"/> for datagrams and fills the (cleared) batch with what the ring
    /// holds: each UDP payload (the GTP-U message) in a slot, with its sender's address and port.
    /// </summary>
    /// <param name="batch">The batch to fill; cleared first.</param>
    /// <param name="timeoutMilliseconds">How long to wait when the ring is empty.</param>
    /// <returns>The number of datagrams received.</returns>
    public int Receive(PacketBatch batch, int timeoutMilliseconds)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ObjectDisposedException.ThrowIf(_disposed, this);
        batch.Clear();
        if (!IsReady(Frame(_next)) && !Wait(timeoutMilliseconds))
        {
            return 0;
        }

        while (batch.Count < batch.Capacity)
        {
            var frame = Frame(_next);
            if (!IsReady(frame))
            {
                break;
            }

            Take(frame, batch);
            Volatile.Write(ref *(uint*)(frame + FrameStatus), 0); // back to the kernel
            _next = _next + 1 == _frameCount ? 0 : _next + 1;
        }

        return batch.Count;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Release();
    }

    /// <summary>
    /// The classic BPF program: IPv4, UDP, to the address (unless any) and, for first fragments and whole datagrams,
    /// to the port. Non-first fragments carry no UDP header, so they pass to be counted as dropped fragments.
    /// </summary>
    internal static LinuxSockets.FilterInstruction[] IPv4UdpFilter(IPEndPoint endPoint)
    {
        const ushort LoadByte = 0x30, LoadHalf = 0x28, LoadWord = 0x20, LoadHalfIndexed = 0x48, LoadHeaderLength = 0xB1;
        const ushort And = 0x54, JumpIfEqual = 0x15, JumpIfAnySet = 0x45, Return = 0x06;
        var address = BinaryPrimitives.ReadUInt32BigEndian(endPoint.Address.GetAddressBytes());
        var program = new List<(ushort Code, string? True, string? False, uint Operand)>
        {
            (LoadByte, null, null, 0),
            (And, null, null, 0xF0),
            (JumpIfEqual, null, "drop", 0x40),
            (LoadByte, null, null, 9),
            (JumpIfEqual, null, "drop", 17),
        };
        if (address != 0)
        {
            program.Add((LoadWord, null, null, 16));
            program.Add((JumpIfEqual, null, "drop", address));
        }

        program.Add((LoadHalf, null, null, 6));
        program.Add((JumpIfAnySet, "accept", null, 0x1FFF));
        program.Add((LoadHeaderLength, null, null, 0));
        program.Add((LoadHalfIndexed, null, null, 2));
        program.Add((JumpIfEqual, "accept", "drop", (uint)endPoint.Port));
        var accept = program.Count;
        program.Add((Return, null, null, 0x40000));
        var drop = program.Count;
        program.Add((Return, null, null, 0));

        byte Offset(string? label, int at) => label switch
        {
            null => 0,
            "accept" => (byte)(accept - at - 1),
            _ => (byte)(drop - at - 1),
        };

        return [.. program.Select((i, at) => new LinuxSockets.FilterInstruction(i.Code, Offset(i.True, at), Offset(i.False, at), i.Operand))];
    }

    private static PacketRingException Failure(string what)
    {
        var error = Marshal.GetLastPInvokeError();
        return new PacketRingException($"Setting up the packet ring failed at {what}: {Marshal.GetPInvokeErrorMessage(error)} (errno {error}).");
    }

    private static bool IsReady(byte* frame) => (Volatile.Read(ref *(uint*)(frame + FrameStatus)) & StatusUser) != 0;

    /// <summary>Verifies a UDP checksum over the IPv4 pseudo-header and the whole UDP datagram (RFC 768).</summary>
    private static bool UdpChecksumHolds(ReadOnlySpan<byte> ip, ReadOnlySpan<byte> udp)
    {
        ulong sum = BinaryPrimitives.ReadUInt32BigEndian(ip[12..]) + (ulong)BinaryPrimitives.ReadUInt32BigEndian(ip[16..]) + 17u + (uint)udp.Length;
        var i = 0;
        for (; i + 4 <= udp.Length; i += 4)
        {
            sum += BinaryPrimitives.ReadUInt32BigEndian(udp[i..]);
        }

        for (; i + 2 <= udp.Length; i += 2)
        {
            sum += BinaryPrimitives.ReadUInt16BigEndian(udp[i..]);
        }

        if (i < udp.Length)
        {
            sum += (uint)udp[i] << 8;
        }

        while (sum > 0xFFFF)
        {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }

        return sum == 0xFFFF;
    }

    private byte* Frame(int index) => _ring + ((nint)index * _frameSize);

    private void Take(byte* frame, PacketBatch batch)
    {
        var status = *(uint*)(frame + FrameStatus);
        var captured = (int)*(uint*)(frame + FrameSnapLength);
        var ip = new ReadOnlySpan<byte>(frame + *(ushort*)(frame + FrameNetworkOffset), captured);
        if ((status & StatusLosing) != 0)
        {
            _ = RingFullDropped;
        }

        if (ip.Length < 20)
        {
            MalformedDropped++;
            return;
        }

        var headerLength = (ip[0] & 0x0F) * 4;
        var totalLength = BinaryPrimitives.ReadUInt16BigEndian(ip[2..]);
        if ((BinaryPrimitives.ReadUInt16BigEndian(ip[6..]) & 0x3FFF) != 0)
        {
            FragmentsDropped++;
            return;
        }

        if (totalLength > ip.Length)
        {
            TruncatedDropped++;
            return;
        }

        if (headerLength < 20 || totalLength < headerLength + UdpHeaderLength)
        {
            MalformedDropped++;
            return;
        }

        var udp = ip[headerLength..totalLength];
        var udpLength = BinaryPrimitives.ReadUInt16BigEndian(udp[4..]);
        if (udpLength < UdpHeaderLength || udpLength > udp.Length)
        {
            MalformedDropped++;
            return;
        }

        udp = udp[..udpLength];
        var verified = (status & (StatusChecksumValid | StatusChecksumNotReady)) != 0;
        if (!verified && BinaryPrimitives.ReadUInt16BigEndian(udp[6..]) != 0 && !UdpChecksumHolds(ip, udp))
        {
            MalformedDropped++;
            return;
        }

        var payload = udp[UdpHeaderLength..];
        if (!payload.TryCopyTo(batch.NextReceiveArea()))
        {
            TruncatedDropped++;
            return;
        }

        batch.Commit(payload.Length, InetAddress.FromIPv4(BinaryPrimitives.ReadUInt32BigEndian(ip[12..])), BinaryPrimitives.ReadUInt16BigEndian(udp));
    }

    private bool Wait(int timeoutMilliseconds)
    {
        var poll = new LinuxSockets.PollDescriptor { Descriptor = _descriptor, Events = LinuxSockets.PollIn };
        return LinuxSockets.poll(&poll, 1, timeoutMilliseconds) > 0 && IsReady(Frame(_next));
    }

    private void SetOption(int name, int value, string what)
    {
        if (LinuxSockets.setsockopt(_descriptor, LinuxSockets.SolPacket, name, &value, sizeof(int)) < 0)
        {
            throw Failure(what);
        }
    }

    private void Release()
    {
        if (_ring is not null)
        {
            LinuxSockets.munmap(_ring, _ringBytes);
        }

        if (_descriptor >= 0)
        {
            LinuxSockets.close(_descriptor);
        }
    }
}
