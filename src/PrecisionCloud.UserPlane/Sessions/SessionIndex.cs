using System.Runtime.CompilerServices;

namespace PrecisionCloud.UserPlane.Sessions;

/// <summary>
/// An open-addressing hash index from a key (TEID, UE IPv4 address, UE IPv6 prefix) to the session that owns it and
/// the PDRs a packet with that key is matched against, read without locks by the fast path while one writer at a
/// time changes it. A slot is published by writing its state last (release) and read by reading its state first
/// (acquire); removed slots become tombstones that are only reused after a rehash into a new array, so a reader
/// never sees a key paired with another key's session. The PDRs sit in the slot itself, so a packet reaches its
/// rules in one step from the key; a rule change replaces them with one reference write per key.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
internal sealed class SessionIndex<TKey>
    where TKey : unmanaged, IEquatable<TKey>
{
    private const byte Empty = 0;
    private const byte Full = 1;
    private const byte Tombstone = 2;

    private readonly Lock _write = new();
    private Slot[] _slots;
    private int _full;
    private int _used;

    public SessionIndex(int expectedCount = 1024)
    {
        _slots = new Slot[Capacity(expectedCount)];
    }

    public int Count => Volatile.Read(ref _full);

    /// <summary>The PDRs for packets with <paramref name="key"/> (the fast path), or <see langword="null"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public CompiledPdr[]? FindPdrs(TKey key)
    {
        ref var slot = ref Probe(Volatile.Read(ref _slots), key);
        return Unsafe.IsNullRef(ref slot) ? null : Volatile.Read(ref slot.Pdrs);
    }

    /// <summary>The session that owns <paramref name="key"/> (the control path), or <see langword="null"/>.</summary>
    public SessionHandle? Find(TKey key)
    {
        ref var slot = ref Probe(Volatile.Read(ref _slots), key);
        return Unsafe.IsNullRef(ref slot) ? null : slot.Owner;
    }

    /// <summary>Points <paramref name="key"/> at <paramref name="owner"/> and the PDRs its packets are matched against.</summary>
    public void Set(TKey key, SessionHandle owner, CompiledPdr[] pdrs)
    {
        lock (_write)
        {
            var slots = _slots;
            var mask = slots.Length - 1;
            for (var index = Hash(key) & mask; ; index = (index + 1) & mask)
            {
                ref var slot = ref slots[index];
                if (slot.State == Full && slot.Key.Equals(key))
                {
                    // Same key: swapping the reference is atomic for readers.
                    slot.Owner = owner;
                    Volatile.Write(ref slot.Pdrs, pdrs);
                    return;
                }

                if (slot.State == Empty)
                {
                    break;
                }
            }

            if ((_used + 1) * 4 > slots.Length * 3)
            {
                Rehash(Math.Max(_full + 1, 16));
                slots = _slots;
                mask = slots.Length - 1;
            }

            for (var index = Hash(key) & mask; ; index = (index + 1) & mask)
            {
                ref var slot = ref slots[index];
                if (slot.State == Empty)
                {
                    slot.Key = key;
                    slot.Owner = owner;
                    slot.Pdrs = pdrs;
                    Volatile.Write(ref slot.State, Full);
                    _full++;
                    _used++;
                    return;
                }
            }
        }
    }

    /// <summary>Removes the key if it still points at <paramref name="owner"/>.</summary>
    public bool Remove(TKey key, SessionHandle owner)
    {
        lock (_write)
        {
            var slots = _slots;
            var mask = slots.Length - 1;
            for (var index = Hash(key) & mask; ; index = (index + 1) & mask)
            {
                ref var slot = ref slots[index];
                if (slot.State == Empty)
                {
                    return false;
                }

                if (slot.State == Full && slot.Key.Equals(key))
                {
                    if (!ReferenceEquals(slot.Owner, owner))
                    {
                        return false;
                    }

                    Volatile.Write(ref slot.State, Tombstone);
                    _full--;
                    return true;
                }
            }
        }
    }

    /// <summary>The full slot holding <paramref name="key"/>, or a null reference.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref Slot Probe(Slot[] slots, TKey key)
    {
        var mask = slots.Length - 1;
        for (var index = Hash(key) & mask; ; index = (index + 1) & mask)
        {
            ref var slot = ref slots[index];
            var state = Volatile.Read(ref slot.State);
            if (state == Empty)
            {
                return ref Unsafe.NullRef<Slot>();
            }

            if (state == Full && slot.Key.Equals(key))
            {
                return ref slot;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash(TKey key) => (int)((uint)key.GetHashCode() * 0x9E3779B1u >> 1);

    /// <summary>
    /// Slots for <paramref name="count"/> keys at a load of at most one half (short probes on the fast path) and no
    /// more: at a million sessions every further doubling would cost each session another 24 bytes per index.
    /// </summary>
    private static int Capacity(int count)
    {
        var capacity = 16;
        while (capacity < count * 2L)
        {
            capacity <<= 1;
        }

        return capacity;
    }

    private void Rehash(int count)
    {
        var fresh = new Slot[Capacity(count)];
        var mask = fresh.Length - 1;
        foreach (var slot in _slots)
        {
            if (slot.State != Full)
            {
                continue;
            }

            var index = Hash(slot.Key) & mask;
            while (fresh[index].State != Empty)
            {
                index = (index + 1) & mask;
            }

            fresh[index] = slot;
        }

        _used = _full;
        Volatile.Write(ref _slots, fresh);
    }

    private struct Slot
    {
        public TKey Key;
        public byte State;
        public SessionHandle? Owner;
        public CompiledPdr[]? Pdrs;
    }
}
