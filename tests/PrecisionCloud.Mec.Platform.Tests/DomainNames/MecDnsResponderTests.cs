using System.Buffers.Binary;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PrecisionCloud.Mec.ApplicationSupport;
using PrecisionCloud.Mec.Platform.DomainNames;

namespace PrecisionCloud.Mec.Platform.Tests.DomainNames;

public sealed class MecDnsResponderTests : IAsyncLifetime
{
    private MecDnsResponder _responder = null!;

    public async Task InitializeAsync()
    {
        _responder = Create();
        await _responder.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await _responder.DisposeAsync();

    [Fact]
    public async Task An_active_rule_answers_its_name_over_udp_and_tcp()
    {
        await _responder.ApplyAsync("app-1", Rule("dr-1", "Video.Edge.Example.", "192.0.2.10", ttl: 45), CancellationToken.None);

        var udp = await Dig.QueryAsync(_responder.UdpEndPoint!, "video.edge.example");
        var tcp = await Dig.QueryAsync(_responder.TcpEndPoint!, "VIDEO.edge.example", tcp: true);

        Assert.Equal("NOERROR", udp.Status);
        Assert.Equal(["45 A 192.0.2.10"], udp.Answers);
        Assert.Equal("NOERROR", tcp.Status);
        Assert.Equal(["45 A 192.0.2.10"], tcp.Answers);
        Assert.Contains("flags: qr aa", udp.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_rules_for_a_name_give_several_records_and_each_family_its_own_type()
    {
        await _responder.ApplyAsync("app-1", Rule("dr-1", "svc.example", "192.0.2.10"), CancellationToken.None);
        await _responder.ApplyAsync("app-2", Rule("dr-1", "svc.example", "192.0.2.11"), CancellationToken.None);
        await _responder.ApplyAsync("app-2", Rule("dr-6", "svc.example", "2001:db8::11", IpAddressType.IpV6), CancellationToken.None);

        Assert.Equal(["30 A 192.0.2.10", "30 A 192.0.2.11"], (await Dig.QueryAsync(_responder.UdpEndPoint!, "svc.example")).Answers.Order());
        Assert.Equal(["30 AAAA 2001:db8::11"], (await Dig.QueryAsync(_responder.UdpEndPoint!, "svc.example", "AAAA")).Answers);
        var mx = await Dig.QueryAsync(_responder.UdpEndPoint!, "svc.example", "MX");
        Assert.Equal("NOERROR", mx.Status);
        Assert.Empty(mx.Answers);
    }

    [Fact]
    public async Task A_withdrawn_rule_and_an_unknown_name_get_nxdomain()
    {
        await _responder.ApplyAsync("app-1", Rule("dr-1", "video.edge.example", "192.0.2.10"), CancellationToken.None);
        await _responder.WithdrawAsync("app-1", "dr-1", CancellationToken.None);

        Assert.Equal("NXDOMAIN", (await Dig.QueryAsync(_responder.UdpEndPoint!, "video.edge.example")).Status);
        Assert.Equal("NXDOMAIN", (await Dig.QueryAsync(_responder.UdpEndPoint!, "nobody.example", tcp: true)).Status);
    }

    [Fact]
    public async Task A_changed_rule_answers_its_new_name_only()
    {
        await _responder.ApplyAsync("app-1", Rule("dr-1", "old.example", "192.0.2.10"), CancellationToken.None);
        await _responder.ApplyAsync("app-1", Rule("dr-1", "new.example", "192.0.2.20"), CancellationToken.None);

        Assert.Equal("NXDOMAIN", (await Dig.QueryAsync(_responder.UdpEndPoint!, "old.example")).Status);
        Assert.Equal(["30 A 192.0.2.20"], (await Dig.QueryAsync(_responder.UdpEndPoint!, "new.example")).Answers);
    }

    [Fact]
    public async Task Names_no_rule_answers_go_to_the_upstream_resolver_and_fail_when_it_is_silent()
    {
        await _responder.ApplyAsync("upstream-app", Rule("dr-1", "far.example", "198.51.100.7"), CancellationToken.None);
        await using var forwarding = Create(_responder.UdpEndPoint!.ToString());
        await forwarding.StartAsync(CancellationToken.None);
        await forwarding.ApplyAsync("app-1", Rule("dr-1", "near.example", "192.0.2.10"), CancellationToken.None);

        Assert.Equal(["30 A 192.0.2.10"], (await Dig.QueryAsync(forwarding.UdpEndPoint!, "near.example")).Answers);
        Assert.Equal(["30 A 198.51.100.7"], (await Dig.QueryAsync(forwarding.UdpEndPoint!, "far.example")).Answers);
        Assert.Equal(["30 A 198.51.100.7"], (await Dig.QueryAsync(forwarding.TcpEndPoint!, "far.example", tcp: true)).Answers);
        Assert.Equal("NXDOMAIN", (await Dig.QueryAsync(forwarding.UdpEndPoint!, "nowhere.example")).Status);

        await using var silent = Create($"127.0.0.1:{PrecisionCloud.Tests.Http.FreePort.Next()}");
        await silent.StartAsync(CancellationToken.None);
        Assert.Equal("SERVFAIL", (await Dig.QueryAsync(silent.UdpEndPoint!, "far.example")).Status);
    }

    [Fact]
    public void Queries_it_cannot_answer_get_formerr_notimp_or_refused_and_responses_are_dropped()
    {
        var query = Query("a.example");
        var answer = new byte[512];

        var twoQuestions = (byte[])query.Clone();
        BinaryPrimitives.WriteUInt16BigEndian(twoQuestions.AsSpan(4), 2);
        Assert.Equal(DnsWire.FormatError, answer[..Answer(twoQuestions, answer)][3] & 0x0F);

        var status = (byte[])query.Clone();
        status[2] = 2 << 3;
        Assert.Equal(DnsWire.NotImplemented, answer[..Answer(status, answer)][3] & 0x0F);

        var chaos = (byte[])query.Clone();
        BinaryPrimitives.WriteUInt16BigEndian(chaos.AsSpan(chaos.Length - 2), 3);
        Assert.Equal(DnsWire.Refused, answer[..Answer(chaos, answer)][3] & 0x0F);

        var pointer = (byte[])query.Clone();
        pointer[12] = 0xC0;
        Assert.Equal(DnsWire.FormatError, answer[..Answer(pointer, answer)][3] & 0x0F);

        var response = (byte[])query.Clone();
        response[2] |= 0x80;
        Assert.Equal(0, Answer(response, answer));
        Assert.Equal(0, Answer(query[..11], answer));
    }

    [Property(MaxTest = 3_000)]
    public Property Any_bytes_get_an_answer_that_echoes_their_id_or_are_dropped_and_never_throw()
    {
        var messages = Gen.Choose(0, 80).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), n))
            .ToArbitrary();
        return Prop.ForAll(messages, message =>
        {
            var answer = new byte[512];
            var length = Answer(message, answer);
            return length == 0
                ? message.Length < 12 || (message[2] & 0x80) != 0
                : length >= 12 && answer[0] == message[0] && answer[1] == message[1] && (answer[2] & 0x80) != 0;
        });
    }

    [Property(MaxTest = 1_000)]
    public Property Mutated_queries_never_throw_and_keep_their_id()
    {
        var mutations = Gen.Choose(12, 40).SelectMany(position => Gen.Choose(0, 255).Select(value => (position, (byte)value))).ArrayOf().ToArbitrary();
        return Prop.ForAll(mutations, changes =>
        {
            var query = Query("video.edge.example");
            foreach (var (position, value) in changes)
            {
                query[Math.Min(position, query.Length - 1)] = value;
            }

            var answer = new byte[512];
            var length = Answer(query, answer);
            return length >= 12 && answer[0] == query[0] && answer[1] == query[1];
        });
    }

    private int Answer(byte[] query, byte[] answer) => _responder.Answer(query, answer, out _);

    private static byte[] Query(string name)
    {
        var labels = name.Split('.');
        var message = new byte[12 + labels.Sum(l => l.Length + 1) + 1 + 4];
        message[0] = 0xAB;
        message[1] = 0xCD;
        message[2] = 0x01;
        message[5] = 1;
        var position = 12;
        foreach (var label in labels)
        {
            message[position++] = (byte)label.Length;
            foreach (var character in label)
            {
                message[position++] = (byte)character;
            }
        }

        message[position++] = 0;
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(position), DnsWire.TypeA);
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(position + 2), DnsWire.ClassIn);
        return message;
    }

    private static DnsRule Rule(string id, string name, string address, IpAddressType type = IpAddressType.IpV4, int? ttl = null) =>
        new() { DnsRuleId = id, DomainName = name, IpAddressType = type, IpAddress = address, Ttl = ttl, State = RuleState.Active };

    private static MecDnsResponder Create(string? upstream = null) =>
        new(Options.Create(new DnsResponderOptions { Port = 0, Upstream = upstream, UpstreamTimeout = TimeSpan.FromMilliseconds(500) }), new TestMeterFactory(), NullLogger<MecDnsResponder>.Instance);

    private sealed class TestMeterFactory : System.Diagnostics.Metrics.IMeterFactory
    {
        private readonly List<System.Diagnostics.Metrics.Meter> _meters = [];

        public System.Diagnostics.Metrics.Meter Create(System.Diagnostics.Metrics.MeterOptions options)
        {
            var meter = new System.Diagnostics.Metrics.Meter(options);
            _meters.Add(meter);
            return meter;
        }

        public void Dispose() => _meters.ForEach(m => m.Dispose());
    }
}
