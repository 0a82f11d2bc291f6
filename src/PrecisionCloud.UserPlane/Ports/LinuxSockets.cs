using System.Runtime.InteropServices;

namespace PrecisionCloud.UserPlane.Ports;

/// <summary>
/// The Linux calls the batched UDP port needs (recvmmsg(2), sendmmsg(2), poll(2)), with the x86-64 and arm64
/// layouts of their structures (LP64: pointers and size_t are 8 octets).
/// </summary>
internal static unsafe partial class LinuxSockets
{
    public const int MsgDontWait = 0x40;
    public const short PollIn = 0x0001;
    public const int AfInet = 2;
    public const int AfInet6 = 10;
    public const int SockaddrStorageSize = 28; // sockaddr_in6, the larger of the two families used

    [LibraryImport("libc", SetLastError = true)]
    public static partial int recvmmsg(nint socket, MultipleMessageHeader* messages, uint count, int flags, nint timeout);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int sendmmsg(nint socket, MultipleMessageHeader* messages, uint count, int flags);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int poll(PollDescriptor* descriptors, nuint count, int timeoutMilliseconds);

    /// <summary>struct iovec.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct IoVector
    {
        public nint Base;
        public nuint Length;
    }

    /// <summary>struct msghdr.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct MessageHeader
    {
        public nint Name;
        public uint NameLength;
        public nint Vectors;
        public nuint VectorCount;
        public nint Control;
        public nuint ControlLength;
        public int Flags;
    }

    /// <summary>struct mmsghdr.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct MultipleMessageHeader
    {
        public MessageHeader Header;
        public uint Length;
    }

    /// <summary>struct pollfd.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct PollDescriptor
    {
        public int Descriptor;
        public short Events;
        public short ReturnedEvents;
    }
}
