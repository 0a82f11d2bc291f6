using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using PrecisionCloud.Hardware.Linux;

namespace PrecisionCloud.Hardware.Tests.Linux;

public sealed class ParserPropertyTests
{
    [Theory]
    [InlineData("0", new[] { 0 })]
    [InlineData("0-3", new[] { 0, 1, 2, 3 })]
    [InlineData("0-1,8,10-11", new[] { 0, 1, 8, 10, 11 })]
    [InlineData("3,1,2-3", new[] { 1, 2, 3 })]
    [InlineData("", new int[0])]
    public void Cpu_lists_parse(string text, int[] expected)
    {
        Assert.True(CpuList.TryParse(text, out var cpus));
        Assert.Equal(expected, cpus);
    }

    [Theory]
    [InlineData("0-")]
    [InlineData("3-1")]
    [InlineData("a")]
    [InlineData("1,,2")]
    [InlineData("-1")]
    [InlineData("0-99999999")]
    public void Bad_cpu_lists_are_rejected(string text) => Assert.False(CpuList.TryParse(text, out _));

    [Property(MaxTest = 300)]
    public bool Cpu_list_round_trips_through_its_text_form(int[] raw)
    {
        var cpus = raw.Select(c => Math.Abs(c % 512)).Distinct().Order().ToArray();
        var text = string.Join(',', cpus);
        return CpuList.TryParse(text, out var parsed) && parsed.SequenceEqual(cpus);
    }

    [Property(MaxTest = 1000)]
    public void Parsers_never_throw_on_arbitrary_text(string? text)
    {
        text ??= string.Empty;
        _ = CpuList.TryParse(text, out _);
        _ = MemInfo.ReadBytes(text, "MemTotal");
        _ = ProcCpuInfo.Parse(text);
    }

    [Property(MaxTest = 500)]
    public Property Cpuinfo_never_throws_on_mutated_real_text()
    {
        var real = File.ReadAllText(Path.Combine(FixtureTrees.PathOf(FixtureTrees.AllInOneEdge), "proc/cpuinfo"))[..4000];
        var mutations =
            from position in Gen.Choose(0, real.Length - 1)
            from length in Gen.Choose(0, 64)
            from junk in Gen.Elements(":", "\n", "\n\n", "processor\t: x", " ", "\0", "physical id\t: -1", "core id : 99999999999")
            select (position, length, junk);
        return Prop.ForAll(mutations.ToArbitrary(), m =>
        {
            var length = Math.Min(m.length, real.Length - m.position);
            var mutated = string.Concat(real.AsSpan(0, m.position), m.junk, real.AsSpan(m.position + length));
            var parsed = ProcCpuInfo.Parse(mutated);
            return parsed.ProcessorCount >= 0;
        });
    }

    [Theory]
    [InlineData("MemTotal:       16318764 kB\nMemAvailable: 1 kB\n", "MemTotal", 16318764L * 1024)]
    [InlineData("Node 1 MemTotal:       65858000 kB\n", "MemTotal", 65858000L * 1024)]
    [InlineData("HugePages_Total:       12\n", "HugePages_Total", 12L)]
    public void Meminfo_fields_are_read_in_bytes(string text, string field, long expected) =>
        Assert.Equal(expected, MemInfo.ReadBytes(text, field));

    [Theory]
    [InlineData("MemTotal: 99999999999999999999 kB\n")]
    [InlineData("MemTotal: 18014398509481984 kB\n")]
    [InlineData("MemTotal: -5 kB\n")]
    [InlineData("MemFree: 5 kB\n")]
    public void Meminfo_overflow_and_absence_are_unknown(string text) => Assert.Null(MemInfo.ReadBytes(text, "MemTotal"));
}
