using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PrecisionCloud.Resources.OpenStack.Tests.Fakes;

/// <summary>Keeps every log line, with its arguments, at every level.</summary>
internal sealed class RecordingLogger : ILogger
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var arguments = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(";", pairs.Select(p => $"{p.Key}={p.Value}")) : string.Empty;
        Lines.Enqueue($"{logLevel} {formatter(state, exception)} [{arguments}] {exception}");
    }
}
