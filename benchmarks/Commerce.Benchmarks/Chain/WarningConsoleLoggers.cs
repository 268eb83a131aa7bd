using Microsoft.Extensions.Logging;

namespace Commerce.Benchmarks.Chain;

/// <summary>Prints the executor's warnings and errors during a benchmark run (a failed pass or send must not stay silent).</summary>
internal sealed class WarningConsoleLoggers : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new Logger();

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class Logger : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
                Console.WriteLine($"  [{logLevel}] {formatter(state, exception)}{(exception is null ? "" : $": {exception.GetType().Name}: {exception.Message}")}");
        }
    }
}
