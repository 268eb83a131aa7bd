using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Commerce.Actors.Tests.Harness;

/// <summary>
/// What a platform under test logged (its own lines, and the warnings and errors of the libraries under it), so a test
/// can wait for a line (the ingress retrying a batch) and a test that times out can say what the platform was doing.
/// </summary>
public sealed class HostLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public bool Contains(string text) => _lines.Any(l => l.Contains(text, StringComparison.Ordinal));

    /// <summary>The last <paramref name="count"/> lines, for a failure message.</summary>
    public string Tail(int count = 20)
    {
        var lines = Lines;
        return lines.Count == 0
            ? "the platform logged nothing"
            : $"the platform's last log lines:{Environment.NewLine}{string.Join(Environment.NewLine, lines.Skip(Math.Max(0, lines.Count - count)))}";
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(HostLog owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
                return;
            var error = exception is null ? "" : $" ({exception.GetType().Name}: {exception.Message})";
            owner._lines.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} {category}: {formatter(state, exception)}{error}");
        }
    }
}
