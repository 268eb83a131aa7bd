using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Commerce.Testing.Logging;

/// <summary>
/// The last warnings and errors of a platform under test, kept in memory so that a fixture that times out can say
/// what the platform complained about (the test output does not carry the host's console).
/// </summary>
public sealed class RecentLogs : ILoggerProvider
{
    private const int Kept = 30;

    private readonly ConcurrentQueue<(LogLevel Level, string Line)> _lines = new();

    public static void AddTo(ILoggingBuilder logging) => logging.Services.AddSingleton<ILoggerProvider, RecentLogs>();

    /// <summary>The kept lines of the platform behind <paramref name="services"/>, oldest first; empty when none.</summary>
    public static IReadOnlyList<string> Of(IServiceProvider services) =>
        [.. Entries(services).Select(e => e.Line)];

    private static (LogLevel Level, string Line)[] Entries(IServiceProvider services) =>
        services.GetServices<ILoggerProvider>().OfType<RecentLogs>().FirstOrDefault()?._lines.ToArray() ?? [];

    /// <summary>
    /// Prints the kept lines as an xUnit diagnostic message when any of them is an error, so a test that failed on a
    /// platform that went wrong shows what the platform said (xunit.runner.json turns diagnostic messages on).
    /// </summary>
    public static void Report(IServiceProvider services, IMessageSink sink, string fixture)
    {
        var entries = Entries(services);
        if (entries.Any(e => e.Level >= LogLevel.Error))
            sink.OnMessage(new Diagnostic($"{fixture}: the platform's last warnings and errors:{Environment.NewLine}{string.Join(Environment.NewLine, entries.Select(e => e.Line))}"));
    }

    /// <summary>An xUnit diagnostic message (shown when the runner's diagnosticMessages is on).</summary>
    private sealed class Diagnostic(string message) : IDiagnosticMessage
    {
        public string Message => message;
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(LogLevel level, string line)
    {
        _lines.Enqueue((level, line));
        while (_lines.Count > Kept && _lines.TryDequeue(out _))
        {
        }
    }

    private sealed class Logger(RecentLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
                return;
            var frames = exception?.StackTrace?.Split('\n', 4, StringSplitOptions.TrimEntries).Take(3) ?? [];
            var error = exception is null ? "" : $" ({exception.GetType().Name}: {exception.Message} {string.Join(" ", frames)})";
            owner.Add(logLevel, $"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} {category}: {formatter(state, exception)}{error}");
        }
    }
}
