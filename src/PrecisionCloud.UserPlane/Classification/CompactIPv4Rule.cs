using System.Runtime.CompilerServices;

namespace PrecisionCloud.UserPlane.Classification;

/// <summary>
/// An IPv4 rule as offsets and spans, so each field's range check is one subtraction and one unsigned comparison
/// (<c>value - low &lt;= high - low</c>), and a whole rule fits in 28 bytes: the form a small set of SDF filters is
/// checked in on the fast path.
/// </summary>
internal readonly struct CompactIPv4Rule
{
    private readonly uint _sourceLow, _sourceSpan, _destinationLow, _destinationSpan;
    private readonly ushort _sourcePortLow, _sourcePortSpan, _destinationPortLow, _destinationPortSpan;
    private readonly byte _protocolLow, _protocolSpan;

    public CompactIPv4Rule(BitVectorTable<uint>.Rule rule)
    {
        (_sourceLow, _sourceSpan) = (rule.Source.Low, rule.Source.High - rule.Source.Low);
        (_destinationLow, _destinationSpan) = (rule.Destination.Low, rule.Destination.High - rule.Destination.Low);
        (_protocolLow, _protocolSpan) = (rule.Protocol.Low, (byte)(rule.Protocol.High - rule.Protocol.Low));
        (_sourcePortLow, _sourcePortSpan) = (rule.SourcePort.Low, (ushort)(rule.SourcePort.High - rule.SourcePort.Low));
        (_destinationPortLow, _destinationPortSpan) = (rule.DestinationPort.Low, (ushort)(rule.DestinationPort.High - rule.DestinationPort.Low));
        Filter = rule.Filter;
    }

    /// <summary>The index of the filter the rule came from.</summary>
    public int Filter { get; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Matches(uint source, uint destination, byte protocol, ushort sourcePort, ushort destinationPort) =>
        source - _sourceLow <= _sourceSpan
        && destination - _destinationLow <= _destinationSpan
        && (uint)(byte)(protocol - _protocolLow) <= _protocolSpan
        && (uint)(ushort)(sourcePort - _sourcePortLow) <= _sourcePortSpan
        && (uint)(ushort)(destinationPort - _destinationPortLow) <= _destinationPortSpan;
}
