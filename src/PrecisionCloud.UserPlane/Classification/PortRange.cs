namespace PrecisionCloud.UserPlane.Classification;

/// <summary>An inclusive range of ports.</summary>
/// <param name="Low">The first port.</param>
/// <param name="High">The last port (at least <paramref name="Low"/>).</param>
public readonly record struct PortRange(ushort Low, ushort High)
{
    /// <summary>Every port.</summary>
    public static PortRange All { get; } = new(0, ushort.MaxValue);

    /// <summary>Whether a port falls in the range.</summary>
    /// <param name="port">The port.</param>
    /// <returns><see langword="true"/> when <see cref="Low"/> &lt;= port &lt;= <see cref="High"/>.</returns>
    public bool Contains(ushort port) => port >= Low && port <= High;

    /// <inheritdoc />
    public override string ToString() => Low == High ? $"{Low}" : $"{Low}-{High}";
}
