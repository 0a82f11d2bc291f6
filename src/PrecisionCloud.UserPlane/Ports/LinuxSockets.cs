using System.Runtime.InteropServices;

namespace PrecisionCloud.UserPlane.Ports;

/// <summary>
/// The Linux calls the batched UDP port and the packet ring need (recvmmsg(2), sendmmsg(2), poll(2), packet(7)
/// sockets with mmap(2)), with the x86-64 and arm64 layouts of their structures (LP64: pointers and size_t are 8
/// octets).
/// </summary>
internal static unsafe partial class LinuxSockets
{
    public const int MsgDontWait = 0x40;
    public const short PollIn = 0x0001;
    public const int AfInet = 2;
    public const int AfInet6 = 10;
    public const int SockaddrStorageSize = 28; // sockaddr_in6, the larger of the two families used

    public const int AfPacket = 17;
    public const int SockDgram = 2;
    public const int SolSocket = 1;
    public const int SoAttachFilter = 26;
    public const int SolPacket = 263;
    public const int PacketRxRing = 5;
    public const int PacketStatistics = 6;
    public const int PacketVersion = 10;
    public const int PacketIgnoreOutgoing = 23;
    public const int PacketFanout = 18;
    public const int PacketFanoutHash = 0;
    public const int TPacketV2 = 1;
    public const ushort EthernetIPv4 = 0x0800;
    public const int ProtectionReadWrite = 0x1 | 0x2;
    public const int MapShared = 0x01;
    public const int MapPopulate = 0x8000;

    /// <summary>Attaches a classic BPF program to a socket (SO_ATTACH_FILTER); false with errno set when the kernel refuses.</summary>
    public static bool TryAttachFilter(int descriptor, FilterInstruction[] instructions)
    {
        fixed (FilterInstruction* code = instructions)
        {
            var program = new FilterProgram { Length = (ushort)instructions.Length, Instructions = code };
            return setsockopt(descriptor, SolSocket, SoAttachFilter, &program, (uint)sizeof(FilterProgram)) == 0;
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    public static partial int socket(int domain, int type, int protocol);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int setsockopt(int socket, int level, int name, void* value, uint length);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int getsockopt(int socket, int level, int name, void* value, uint* length);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int bind(int socket, void* address, uint length);

    [LibraryImport("libc", SetLastError = true)]
    public static partial void* mmap(void* address, nuint length, int protection, int flags, int descriptor, nint offset);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int munmap(void* address, nuint length);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int close(int descriptor);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial uint if_nametoindex(string name);

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

    /// <summary>struct sock_filter: one classic BPF instruction.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct FilterInstruction(ushort code, byte jumpTrue, byte jumpFalse, uint operand)
    {
        public ushort Code = code;
        public byte JumpTrue = jumpTrue;
        public byte JumpFalse = jumpFalse;
        public uint Operand = operand;
    }

    /// <summary>struct sock_fprog.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct FilterProgram
    {
        public ushort Length;
        public FilterInstruction* Instructions;
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
