using System.Runtime.InteropServices;
using System.Text;
using PrecisionCloud.UserPlane.Pipeline;

namespace PrecisionCloud.UserPlane.Ports;

/// <summary>
/// An N6 port on a Linux TUN device (IFF_TUN | IFF_NO_PI: each read or write is one IP packet). Creating or attaching
/// a TUN device needs CAP_NET_ADMIN; without it the constructor throws a <see cref="TunDeviceException"/> that names
/// the fix.
/// </summary>
public sealed unsafe partial class TunDevice : IN6Port
{
    private const int ReadWrite = 2;
    private const int NonBlocking = 0x800;
    private const uint TunSetInterfaceFlags = 0x400454CA;
    private const short IffTun = 0x0001;
    private const short IffNoPi = 0x1000;
    private const int InterfaceNameSize = 16;
    private const int PermissionDenied = 1;
    private const int AccessDenied = 13;
    private const int NoSuchDevice = 2;

    private readonly int _descriptor;
    private bool _disposed;

    /// <summary>Creates (or attaches to) a TUN device.</summary>
    /// <param name="name">The interface name, at most 15 characters (for example <c>upf0</c>).</param>
    /// <param name="networkInstance">The network instance this N6 port serves.</param>
    /// <exception cref="TunDeviceException">The device cannot be opened; the message says why and what to do.</exception>
    public TunDevice(string name, string networkInstance)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Length >= InterfaceNameSize)
        {
            throw new ArgumentException($"TUN device name '{name}' is longer than 15 characters.", nameof(name));
        }

        if (!OperatingSystem.IsLinux())
        {
            throw new TunDeviceException($"TUN device '{name}': TUN N6 ports exist on Linux only.");
        }

        Name = name;
        NetworkInstance = networkInstance;
        _descriptor = open("/dev/net/tun", ReadWrite | NonBlocking);
        if (_descriptor < 0)
        {
            var error = Marshal.GetLastPInvokeError();
            throw new TunDeviceException(error == NoSuchDevice
                ? $"TUN device '{name}': /dev/net/tun does not exist; load the tun module (modprobe tun) or create the node (mknod /dev/net/tun c 10 200)."
                : Explain(name, error));
        }

        var request = stackalloc byte[40];
        new Span<byte>(request, 40).Clear();
        Encoding.ASCII.GetBytes(name, new Span<byte>(request, InterfaceNameSize));
        *(short*)(request + InterfaceNameSize) = IffTun | IffNoPi;
        if (ioctl(_descriptor, TunSetInterfaceFlags, request) < 0)
        {
            var error = Marshal.GetLastPInvokeError();
            close(_descriptor);
            throw new TunDeviceException(Explain(name, error));
        }
    }

    /// <summary>The interface name.</summary>
    public string Name { get; }

    /// <inheritdoc />
    public string NetworkInstance { get; }

    /// <inheritdoc />
    public int Receive(PacketBatch batch, int timeoutMilliseconds)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ObjectDisposedException.ThrowIf(_disposed, this);
        batch.Clear();
        var descriptor = new LinuxSockets.PollDescriptor { Descriptor = _descriptor, Events = LinuxSockets.PollIn };
        if (LinuxSockets.poll(&descriptor, 1, timeoutMilliseconds) <= 0)
        {
            return 0;
        }

        while (batch.Count < batch.Capacity)
        {
            var area = batch.NextReceiveArea();
            nint length;
            fixed (byte* destination = area)
            {
                length = read(_descriptor, destination, (nuint)area.Length);
            }

            if (length <= 0)
            {
                break; // EAGAIN: nothing more queued
            }

            batch.Commit((int)length);
        }

        return batch.Count;
    }

    /// <inheritdoc />
    public bool Send(ReadOnlySpan<byte> packet)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        fixed (byte* source = packet)
        {
            return write(_descriptor, source, (nuint)packet.Length) == packet.Length;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            close(_descriptor);
        }
    }

    internal static string Explain(string name, int error) => error is PermissionDenied or AccessDenied
        ? $"TUN device '{name}' needs CAP_NET_ADMIN: run as root, grant it (sudo setcap cap_net_admin+ep <host binary>), "
          + $"or have an administrator create it for this user (sudo ip tuntap add dev {name} mode tun user $USER)."
        : $"TUN device '{name}' cannot be opened (errno {error}: {Marshal.GetPInvokeErrorMessage(error)}).";

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int open(string path, int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int ioctl(int descriptor, uint request, byte* argument);

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint read(int descriptor, byte* buffer, nuint count);

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint write(int descriptor, byte* buffer, nuint count);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int close(int descriptor);
}
