using System.Runtime.CompilerServices;

namespace PrecisionCloud.UserPlane.Sessions;

/// <summary>
/// An open-addressing hash index from a key (TEID, UE IPv4 address, UE IPv6 prefix) to the session that owns it and
/// the PDRs a packet with that key is matched against, read without locks by the fast path while one writer at a
/// time changes it. A slot is published by writing its state last (release) and read by reading its state first
/// (acquire); removed slots become tombstones that are only reused after a rehash into a new array.
/// </summary>
/// <remarks>
/// The slots hold no references: each full slot names an entry in a dense table that holds the owner and the PDRs.
/// Slots are written at hashed, scattered positions; were they to hold references, every new session would dirty
/// a card of a large old-generation array that each young collection scans again, and full collections would walk
/// every slot, so the cost of installing a session would grow with the index. Entries are handed out in order (and
/// reused after removal), so the table's writes stay dense. An entry also keeps its key: a reader that reached a
/// reused entry sees a different key and reports a miss, never another key's PDRs. A rule change replaces an
/// entry's PDRs with one reference write.
/// </remarks>
/// <typeparam name="TKey">The key type.</typeparam>
internal sealed class SessionIndex<TKey>
    where TKey : unmanaged, IEquatable<TKey>
{
    private const byte Empty = 0;
    private const byte Full = 1;
    private const byte Tombstone = 2;
    private const int NoEntry = -1;

    private readonly Lock _write = new();
    private readonly Stack<int> _freeEntries = new();
    private Slot[] _slots;
    private Entry[] _entries;
    private int _entriesUsed;
    private int _full;
    private int _used;

    public SessionIndex(int expectedCount = 1024)
    {
        _slots = new Slot[Capacity(expectedCount)];
        _entries = new Entry[Math.Max(expectedCount, 16)];
    }

    public int Count => Volatile.Read(ref _full);

    /// <summary>The PDRs for packets with <paramref name="key"/> (the fast path), or <see langword="null"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public CompiledPdr[]? FindPdrs(TKey key)
    {
        var entry = Probe(Volatile.Read(ref _slots), key);
        if (entry == NoEntry)
        {
            return null;
        }

        // The PDRs first (acquire), then the key: a writer reusing the entry writes the key before the PDRs.
        ref var found = ref Volatile.Read(ref _entries)[entry];
        var pdrs = Volatile.Read(ref found.Pdrs);
        return found.Key.Equals(key) ? pdrs : null;
    }

    /// <summary>The session that owns <paramref name="key"/> (the control path), or <see langword="null"/>.</summary>
    public SessionHandle? Find(TKey key)
    {
        lock (_write)
        {
            var entry = Probe(_slots, key);
            return entry == NoEntry ? null : _entries[entry].Owner;
        }
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
                    ref var entry = ref _entries[slot.Entry];
                    entry.Owner = owner;
                    Volatile.Write(ref entry.Pdrs, pdrs);
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

            var number = NewEntry(key, owner, pdrs);
            for (var index = Hash(key) & mask; ; index = (index + 1) & mask)
            {
                ref var slot = ref slots[index];
                if (slot.State == Empty)
                {
                    slot.Key = key;
                    slot.Entry = number;
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
                    ref var entry = ref _entries[slot.Entry];
                    if (!ReferenceEquals(entry.Owner, owner))
                    {
                        return false;
                    }

                    Volatile.Write(ref slot.State, Tombstone);
                    entry.Owner = null;
                    Volatile.Write(ref entry.Pdrs, null);
                    _freeEntries.Push(slot.Entry);
                    _full--;
                    return true;
                }
            }
        }
    }

    /// <summary>The entry of the full slot holding <paramref name="key"/>, or <see cref="NoEntry"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Probe(Slot[] slots, TKey key)
    {
        var mask = slots.Length - 1;
        for (var index = Hash(key) & mask; ; index = (index + 1) & mask)
        {
            ref var slot = ref slots[index];
            var state = Volatile.Read(ref slot.State);
            if (state == Empty)
            {
                return NoEntry;
            }

            if (state == Full && slot.Key.Equals(key))
            {
                return slot.Entry;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash(TKey key) => (int)((uint)key.GetHashCode() * 0x9E3779B1u >> 1);

    /// <summary>
    /// Slots for <paramref name="count"/> keys at a load of at most one half (short probes on the fast path) and no
    /// more: at a million sessions every further doubling would cost each session another 12 bytes per index (16 for IPv6 prefixes).
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

    /// <summary>
    /// An entry for a new key: a freed one (the key is written before the PDRs, so readers holding its number see
    /// the change of key), else the next in order, doubling the table when it is full.
    /// </summary>
    private int NewEntry(TKey key, SessionHandle owner, CompiledPdr[] pdrs)
    {
        if (!_freeEntries.TryPop(out var number))
        {
            if (_entriesUsed == _entries.Length)
            {
                var grown = new Entry[_entries.Length * 2];
                _entries.AsSpan().CopyTo(grown);
                Volatile.Write(ref _entries, grown);
            }

            number = _entriesUsed++;
        }

        ref var entry = ref _entries[number];
        entry.Key = key;
        entry.Owner = owner;
        Volatile.Write(ref entry.Pdrs, pdrs);
        return number;
    }

    /// <summary>A hash slot: no references, so the collector never scans the slot array.</summary>
    private struct Slot
    {
        public TKey Key;
        public byte State;
        public int Entry;
    }

    private struct Entry
    {
        public TKey Key;
        public SessionHandle? Owner;
        public CompiledPdr[]? Pdrs;
    }
}
