using Microsoft.Extensions.Logging;

namespace Commerce.Connectors.Ingestion;

/// <summary>
/// Runs a connector's pipeline until the host stops, starting it again with backoff (doubled up to a limit) after it
/// fails. <c>stopDeadline</c> bounds how long a stop waits for the sources' requests to unwind.
/// </summary>
public static partial class ConnectorRunner
{
    public static async Task RunAsync(IngestionPipeline pipeline, IngestionOptions options, IngestionCounters counters, TimeProvider clock, ILogger logger, CancellationToken ct,
        CancellationToken stopDeadline)
    {
        var backoff = options.MinBackoff;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await pipeline.RunAsync(ct, stopDeadline);
                backoff = options.MinBackoff;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                counters.CountRestart();
                LogFailed(logger, counters.Connector, backoff, e);
                try
                {
                    await Task.Delay(backoff, clock, ct);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, options.MaxBackoff.Ticks));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "connector {Connector} stopped on a failure; starting again from its stored positions in {Backoff}")]
    private static partial void LogFailed(ILogger logger, string connector, TimeSpan backoff, Exception error);
}
