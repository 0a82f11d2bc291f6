using FsCheck.Xunit;
using PrecisionCloud.UserPlane.Sessions;

namespace PrecisionCloud.UserPlane.Tests.Sessions;

public sealed class SessionIndexTests
{
    private static readonly SessionHandle Alice = new(1, null!);
    private static readonly SessionHandle Bob = new(2, null!);

    [Fact]
    public void Keys_far_beyond_the_expected_count_each_find_their_own_owner_and_pdrs()
    {
        var index = new SessionIndex<uint>(expectedCount: 16);
        var pdrs = Enumerable.Range(0, 10_000).Select(_ => new CompiledPdr[1]).ToArray();
        for (var key = 0u; key < pdrs.Length; key++)
        {
            index.Set(key * 7919, key % 2 == 0 ? Alice : Bob, pdrs[key]);
        }

        Assert.Equal(10_000, index.Count);
        for (var key = 0u; key < pdrs.Length; key++)
        {
            Assert.Same(pdrs[key], index.FindPdrs(key * 7919));
            Assert.Same(key % 2 == 0 ? Alice : Bob, index.Find(key * 7919));
        }

        Assert.Null(index.FindPdrs(1));
        Assert.Null(index.Find(1));
    }

    [Fact]
    public void Setting_a_key_again_replaces_its_owner_and_pdrs_without_a_second_entry()
    {
        var index = new SessionIndex<ulong>();
        var before = new CompiledPdr[1];
        var after = new CompiledPdr[2];
        index.Set(42, Alice, before);
        index.Set(42, Bob, after);

        Assert.Equal(1, index.Count);
        Assert.Same(after, index.FindPdrs(42));
        Assert.Same(Bob, index.Find(42));
    }

    [Fact]
    public void Only_the_owner_removes_a_key()
    {
        var index = new SessionIndex<uint>();
        var pdrs = new CompiledPdr[1];
        index.Set(7, Alice, pdrs);

        Assert.False(index.Remove(7, Bob));
        Assert.Same(pdrs, index.FindPdrs(7));
        Assert.True(index.Remove(7, Alice));
        Assert.Null(index.FindPdrs(7));
        Assert.False(index.Remove(7, Alice));
        Assert.Equal(0, index.Count);
    }

    [Fact]
    public void Entries_freed_by_removed_keys_serve_new_keys_and_never_answer_for_the_old_ones()
    {
        var index = new SessionIndex<uint>(expectedCount: 64);
        var first = Enumerable.Range(0, 64).Select(_ => new CompiledPdr[1]).ToArray();
        for (var key = 0u; key < 64; key++)
        {
            index.Set(key, Alice, first[key]);
        }

        for (var key = 0u; key < 64; key += 2)
        {
            Assert.True(index.Remove(key, Alice));
        }

        var second = Enumerable.Range(0, 32).Select(_ => new CompiledPdr[1]).ToArray();
        for (var i = 0u; i < 32; i++)
        {
            index.Set(1_000 + i, Bob, second[i]);
        }

        for (var key = 0u; key < 64; key++)
        {
            Assert.Equal(key % 2 == 0 ? null : first[key], index.FindPdrs(key));
        }

        for (var i = 0u; i < 32; i++)
        {
            Assert.Same(second[i], index.FindPdrs(1_000 + i));
        }
    }

    [Property(MaxTest = 300)]
    public bool Behaves_like_a_dictionary_under_any_sequence_of_sets_and_removes((byte Key, bool Remove, bool ByBob)[] operations)
    {
        var index = new SessionIndex<uint>(expectedCount: 4);
        var model = new Dictionary<uint, (SessionHandle Owner, CompiledPdr[] Pdrs)>();
        foreach (var (key, remove, byBob) in operations)
        {
            var owner = byBob ? Bob : Alice;
            if (remove)
            {
                var expected = model.TryGetValue(key, out var held) && held.Owner == owner;
                if (index.Remove(key, owner) != expected)
                {
                    return false;
                }

                if (expected)
                {
                    model.Remove(key);
                }
            }
            else
            {
                var pdrs = new CompiledPdr[1];
                index.Set(key, owner, pdrs);
                model[key] = (owner, pdrs);
            }
        }

        return index.Count == model.Count && Enumerable.Range(0, 256).All(key =>
            model.TryGetValue((uint)key, out var held)
                ? index.FindPdrs((uint)key) == held.Pdrs && index.Find((uint)key) == held.Owner
                : index.FindPdrs((uint)key) is null && index.Find((uint)key) is null);
    }

    [Fact]
    public void A_reader_racing_removals_and_reuse_of_entries_never_gets_another_keys_pdrs()
    {
        const int Keys = 512;
        var index = new SessionIndex<uint>(expectedCount: Keys);
        var pdrs = Enumerable.Range(0, Keys * 2).Select(_ => new CompiledPdr[1]).ToArray();
        var keyOf = pdrs.Select((array, key) => (array, key)).ToDictionary(p => p.array, p => (uint)p.key); // arrays compare by reference
        for (var key = 0u; key < Keys; key++)
        {
            index.Set(key, Alice, pdrs[key]);
        }

        // The reader runs on its own thread (not the pool other tests share) for a fixed number of lookups.
        const int Lookups = 5_000_000;
        var wrong = 0;
        var hits = 0;
        var done = 0;
        var reader = new Thread(() =>
        {
            var random = new Random(1);
            for (var i = 0; i < Lookups; i++)
            {
                var key = (uint)random.Next(Keys * 2);
                if (index.FindPdrs(key) is { } found)
                {
                    hits++;
                    wrong += keyOf[found] == key ? 0 : 1;
                }
            }

            Volatile.Write(ref done, 1);
        });
        reader.Start();

        // The writer moves keys between the two halves, so freed entries are reused at once by other keys.
        var churn = new Random(2);
        var changes = 0L;
        while (Volatile.Read(ref done) == 0)
        {
            var key = (uint)churn.Next(Keys * 2);
            if (!index.Remove(key, Alice))
            {
                index.Set(key, Alice, pdrs[key]);
            }

            changes++;
        }

        reader.Join();
        Assert.True(hits > 0 && changes > 0, $"{hits} hits while the writer made {changes} changes");
        Assert.Equal(0, wrong);
    }
}
