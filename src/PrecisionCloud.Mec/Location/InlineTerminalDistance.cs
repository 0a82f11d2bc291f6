namespace PrecisionCloud.Mec.Location;

/// <summary>The JSON body that carries a <see cref="TerminalDistance"/> (MEC 013 wraps each body in an object named after its type: <c>{"terminalDistance": ...}</c>).</summary>
/// <param name="TerminalDistance">The terminalDistance.</param>
public sealed record InlineTerminalDistance(TerminalDistance? TerminalDistance);
