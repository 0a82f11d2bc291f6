using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using PrecisionCloud.UserPlane.Packets;
using PrecisionCloud.UserPlane.Pipeline;

namespace PrecisionCloud.UserPlane.Ports;

/// <summary>
/// A UDP socket that receives and sends whole batches: recvmmsg(2) and sendmmsg(2) on Linux, one system call per
/// batch instead of one per datagram, straight into and out of a <see cref="PacketBatch"/>'s slots (no copies, no
/// allocation). Several sockets can share a port (SO_REUSEPORT) so several workers each get a share of the peers.
/// Elsewhere it falls back to one call per datagram.
/// </summary>
public sealed unsafe class UdpBatchSocket : IDisposable
{
    private readonly Socket _socket;
    private readonly bool _ipv6;
    private readonly int _batchSize;
    private readonly LinuxSockets.MultipleMessageHeader* _messages;
    private readonly LinuxSockets.IoVector* _vectors;
    private readonly byte* _names;
    private readonly EndPoint _anyEndPoint;
    private bool _disposed;

    /// <summary>Opens a socket bound to <paramref name="localEndPoint"/>.</summary>
    /// <param name="localEndPoint">The address and port to receive on (port 2152 for N3).</param>
    /// <param name="batchSize">The most datagrams one call moves.</param>
    /// <param name="reusePort">Whether other sockets may bind the same port (SO_REUSEPORT), for several workers.</param>
    /// <param name="receiveBufferBytes">The kernel receive buffer to ask for; 0 keeps the system default.</param>
    public UdpBatchSocket(IPEndPoint localEndPoint, int batchSize = 64, bool reusePort = true, int receiveBufferBytes = 8 * 1024 * 1024)
    {
        ArgumentNullException.ThrowIfNull(localEndPoint);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        _ipv6 = localEndPoint.AddressFamily == AddressFamily.InterNetworkV6;
        _batchSize = batchSize;
        _anyEndPoint = new IPEndPoint(_ipv6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        _socket = new Socket(localEndPoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp) { Blocking = false };
        if (_ipv6 && localEndPoint.Address.Equals(IPAddress.IPv6Any))
        {
            _socket.DualMode = true;
        }

        if (reusePort && OperatingSystem.IsLinux())
        {
            const int SolSocket = 1, SoReusePort = 15;
            _socket.SetRawSocketOption(SolSocket, SoReusePort, BitConverter.GetBytes(1));
        }

        if (receiveBufferBytes > 0)
        {
            SetReceiveBuffer(_socket, receiveBufferBytes);
        }

        _socket.Bind(localEndPoint);
        LocalEndPoint = (IPEndPoint)_socket.LocalEndPoint!;
        _messages = (LinuxSockets.MultipleMessageHeader*)NativeMemory.AllocZeroed((nuint)(batchSize * sizeof(LinuxSockets.MultipleMessageHeader)));
        _vectors = (LinuxSockets.IoVector*)NativeMemory.AllocZeroed((nuint)(batchSize * sizeof(LinuxSockets.IoVector)));
        _names = (byte*)NativeMemory.AllocZeroed((nuint)(batchSize * LinuxSockets.SockaddrStorageSize));
    }

    /// <summary>The bound address and port (the port the system chose when 0 was asked for).</summary>
    public IPEndPoint LocalEndPoint { get; }

    /// <summary>Whether batches move in one system call (Linux) rather than one call per datagram.</summary>
    public static bool IsBatched => OperatingSystem.IsLinux();

    /// <summary>
    /// Waits up to <paramref name="timeoutMilliseconds"/> for datagrams and fills the (cleared) batch with what has
    /// arrived, each with its sender's address and port.
    /// </summary>
    /// <param name="batch">The batch to fill; cleared first.</param>
    /// <param name="timeoutMilliseconds">How long to wait for the first datagram.</param>
    /// <returns>The number of datagrams received.</returns>
    public int Receive(PacketBatch batch, int timeoutMilliseconds)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ObjectDisposedException.ThrowIf(_disposed, this);
        batch.Clear();
        if (!Wait(timeoutMilliseconds))
        {
            return 0;
        }

        var count = Math.Min(batch.Capacity, _batchSize);
        if (!IsBatched)
        {
            return ReceiveOneByOne(batch, count);
        }

        int received;
        fixed (byte* buffer = batch.Buffer)
        {
            for (var i = 0; i < count; i++)
            {
                _vectors[i].Base = (nint)(buffer + (i * batch.SlotSize) + batch.Headroom);
                _vectors[i].Length = (nuint)(batch.SlotSize - batch.Headroom);
                ref var header = ref _messages[i].Header;
                header.Name = (nint)(_names + (i * LinuxSockets.SockaddrStorageSize));
                header.NameLength = LinuxSockets.SockaddrStorageSize;
                header.Vectors = (nint)(_vectors + i);
                header.VectorCount = 1;
                header.Control = 0;
                header.ControlLength = 0;
                header.Flags = 0;
            }

            received = LinuxSockets.recvmmsg(_socket.Handle, _messages, (uint)count, LinuxSockets.MsgDontWait, 0);
        }

        for (var i = 0; i < received; i++)
        {
            SocketAddressCodec.TryRead(new ReadOnlySpan<byte>(_names + (i * LinuxSockets.SockaddrStorageSize), LinuxSockets.SockaddrStorageSize), out var address, out var port);
            batch.Commit((int)_messages[i].Length, address, port);
        }

        return Math.Max(received, 0);
    }

    /// <summary>
    /// Sends every packet of the batch whose verdict is <see cref="PacketVerdict.ToTunnel"/> (from its GTP-U header)
    /// or <see cref="PacketVerdict.Reply"/>, each to its <see cref="PacketDescriptor.RemoteAddress"/> and port.
    /// </summary>
    /// <param name="batch">The processed batch.</param>
    /// <returns>The number of datagrams handed to the kernel.</returns>
    public int Send(PacketBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var sent = 0;
        fixed (byte* buffer = batch.Buffer)
        {
            var pending = 0;
            for (var i = 0; i < batch.Count; i++)
            {
                ref var packet = ref batch[i];
                if (packet.Verdict is not (PacketVerdict.ToTunnel or PacketVerdict.Reply))
                {
                    continue;
                }

                var start = packet.Verdict == PacketVerdict.ToTunnel ? packet.TunnelOffset : packet.Offset;
                var length = packet.Length - (start - packet.Offset);
                if (!IsBatched)
                {
                    sent += SendOne(new ReadOnlySpan<byte>(buffer + start, length), packet.RemoteAddress, packet.RemotePort) ? 1 : 0;
                    continue;
                }

                _vectors[pending].Base = (nint)(buffer + start);
                _vectors[pending].Length = (nuint)length;
                ref var header = ref _messages[pending].Header;
                header.Name = (nint)(_names + (pending * LinuxSockets.SockaddrStorageSize));
                header.NameLength = SocketAddressCodec.Write(new Span<byte>(_names + (pending * LinuxSockets.SockaddrStorageSize), LinuxSockets.SockaddrStorageSize),
                    packet.RemoteAddress, packet.RemotePort, _ipv6);
                header.Vectors = (nint)(_vectors + pending);
                header.VectorCount = 1;
                header.Control = 0;
                header.ControlLength = 0;
                header.Flags = 0;
                if (++pending == _batchSize)
                {
                    sent += Flush(pending);
                    pending = 0;
                }
            }

            if (pending > 0)
            {
                sent += Flush(pending);
            }
        }

        return sent;
    }

    /// <summary>Sends one datagram (signalling such as End Markers, outside the batch flow).</summary>
    /// <param name="datagram">The datagram.</param>
    /// <param name="address">The destination.</param>
    /// <param name="port">The destination port.</param>
    /// <returns>Whether the kernel took it.</returns>
    public bool SendOne(ReadOnlySpan<byte> datagram, InetAddress address, ushort port)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var remote = new IPEndPoint(address.IsIPv6 || !_ipv6 ? address.ToIPAddress() : address.ToIPAddress().MapToIPv6(), port);
        try
        {
            return _socket.SendTo(datagram, SocketFlags.None, remote) == datagram.Length;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>
    /// Has the kernel discard every datagram that arrives for this socket (a classic BPF filter that accepts nothing),
    /// for when a <see cref="PacketRingReceiver"/> receives the port's traffic and this socket only holds the port and
    /// sends. Nothing is queued, so nothing is received twice.
    /// </summary>
    /// <exception cref="PlatformNotSupportedException">Not on Linux.</exception>
    /// <exception cref="SocketException">The kernel refuses the filter.</exception>
    public void DiscardIncoming()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("Socket filters are a Linux feature.");
        }

        const ushort Return = 0x06;
        if (!LinuxSockets.TryAttachFilter((int)_socket.Handle, [new LinuxSockets.FilterInstruction(Return, 0, 0, 0)]))
        {
            throw new SocketException(Marshal.GetLastPInvokeError());
        }
    }

    /// <summary>
    /// Asks for a kernel receive buffer: with CAP_NET_ADMIN past net.core.rmem_max (SO_RCVBUFFORCE), otherwise up to
    /// it. A UPF needs a deep buffer to ride out bursts while a worker is busy with a batch.
    /// </summary>
    /// <param name="socket">The socket.</param>
    /// <param name="bytes">The buffer size to ask for.</param>
    public static void SetReceiveBuffer(Socket socket, int bytes)
    {
        ArgumentNullException.ThrowIfNull(socket);
        if (OperatingSystem.IsLinux())
        {
            const int SolSocket = 1, SoReceiveBufferForce = 33;
            try
            {
                socket.SetRawSocketOption(SolSocket, SoReceiveBufferForce, BitConverter.GetBytes(bytes));
                return;
            }
            catch (SocketException)
            {
                // Not privileged: the ordinary option, capped by net.core.rmem_max.
            }
        }

        socket.ReceiveBufferSize = bytes;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _socket.Dispose();
        NativeMemory.Free(_messages);
        NativeMemory.Free(_vectors);
        NativeMemory.Free(_names);
    }

    private int Flush(int count)
    {
        var offset = 0;
        while (offset < count)
        {
            var sent = LinuxSockets.sendmmsg(_socket.Handle, _messages + offset, (uint)(count - offset), 0);
            if (sent <= 0)
            {
                // The kernel refused (buffer full on a non-blocking socket): what is left is dropped, as a NIC would.
                break;
            }

            offset += sent;
        }

        return offset;
    }

    private bool Wait(int timeoutMilliseconds)
    {
        if (!IsBatched)
        {
            return _socket.Poll(timeoutMilliseconds * 1000, SelectMode.SelectRead);
        }

        var descriptor = new LinuxSockets.PollDescriptor { Descriptor = (int)_socket.Handle, Events = LinuxSockets.PollIn };
        return LinuxSockets.poll(&descriptor, 1, timeoutMilliseconds) > 0;
    }

    private int ReceiveOneByOne(PacketBatch batch, int count)
    {
        var endPoint = _anyEndPoint;
        for (var i = 0; i < count && _socket.Available > 0; i++)
        {
            var length = _socket.ReceiveFrom(batch.NextReceiveArea(), SocketFlags.None, ref endPoint);
            var remote = (IPEndPoint)endPoint;
            batch.Commit(length, InetAddress.From(remote.Address.IsIPv4MappedToIPv6 ? remote.Address.MapToIPv4() : remote.Address), (ushort)remote.Port);
        }

        return batch.Count;
    }
}
