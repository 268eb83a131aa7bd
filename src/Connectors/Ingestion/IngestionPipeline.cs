using Akka;
using Akka.Streams;
using Akka.Streams.Dsl;
using Commerce.Connectors.Ingestion.Storage;
using Commerce.Events.Topics;
using Microsoft.Extensions.Logging;

namespace Commerce.Connectors.Ingestion;

/// <summary>
/// One connector's Akka.Streams graph (decision D5): each source's pages, throttled to the service's request rate and
/// restarted with backoff when the source fails (resuming from the stored positions), merged, cut into batches and
/// published one batch at a time (<see cref="IngestionPublisher"/>): every stage is bounded and pulls only when the
/// next has room, so a slow Kafka holds back the reads instead of queueing. <see cref="RunAsync"/> first resolves what
/// a crash left pending, then runs until cancelled or until publishing fails (the caller starts it again, with backoff).
/// Either way it returns only once its sources' reads have ended (their requests unwound), or once
/// <c>stopDeadline</c> passed: nothing it started is left running behind it.
/// </summary>
public sealed partial class IngestionPipeline(
    ConnectorActorSystem actors,
    IngestionPublisher publisher,
    PendingResolver resolver,
    IReadOnlyList<TopicDefinition> topics,
    IReadOnlyList<IIngestSource> sources,
    IngestionOptions options,
    IngestionCounters counters,
    ILogger logger)
{
    /// <param name="ct">Stops the graph (the host's stopping token).</param>
    /// <param name="stopDeadline">How long a stop may wait for the sources' requests to unwind (the host's shutdown deadline).</param>
    public async Task RunAsync(CancellationToken ct, CancellationToken stopDeadline)
    {
        var ledger = publisher.Ledger;
        var (pending, since) = await ledger.LoadAsync(ct);
        if (pending.Count > 0)
        {
            var found = await resolver.FindAsync(topics, pending, since!.Value, ct);
            await ledger.ResolvePendingAsync(pending, found, ct);
            LogResolved(logger, ledger.Connector, pending.Count, found.Count);
        }

        var materializer = actors.System.Materializer(namePrefix: $"connector-{ledger.Connector}");
        // The sources do not see the host's token: a stop shuts the graph down through the kill switch, which cancels
        // them as Akka does (their reads are cancelled, no failure), instead of failing them, which the restart stage
        // would log as a failure and schedule a restart of. Their own token ends them once the graph is done.
        using var reads = new CancellationTokenSource();
        var open = new OpenReads();
        var pages = sources.Select(s => Restarting(s, open, reads.Token)).Aggregate((a, b) => a.Merge(b));
        var (kill, done) = pages
            .SelectMany(page => page.Units)
            .GroupedWithin(options.BatchSize, options.BatchWindow)
            .SelectAsync(1, batch => PublishAsync(batch as IReadOnlyList<IngestUnit> ?? batch.ToList(), ct))
            .ViaMaterialized(KillSwitches.Single<int>(), Keep.Right)
            .ToMaterialized(Sink.Ignore<int>(), Keep.Both)
            .Run(materializer);
        try
        {
            await using var stop = ct.Register(() => kill.Shutdown());
            await done;
        }
        finally
        {
            // The graph is done, but a source's request may still be unwinding from its cancellation (Akka disposes a
            // read once its in-flight request returned): wait for it, so that a stop leaves no request running.
            await reads.CancelAsync();
            if (!await open.EndedAsync(stopDeadline))
                LogReadsLeft(logger, ledger.Connector, open.Count);
        }
        ct.ThrowIfCancellationRequested();
    }

    /// <summary>
    /// A batch cut short by a stop is not a failure of the stage (which Akka would log as an error): it ends quietly and
    /// the graph, shut down by then, completes. Its ids stay pending and its positions unmoved, so the next start
    /// resolves them as after a crash (nothing lost, nothing twice).
    /// </summary>
    private async Task<int> PublishAsync(IReadOnlyList<IngestUnit> batch, CancellationToken ct)
    {
        try
        {
            return await publisher.PublishAsync(batch, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return 0;
        }
    }

    private Source<IngestPage, NotUsed> Restarting(IIngestSource source, OpenReads open, CancellationToken ct)
    {
        var started = 0;
        var settings = RestartSettings.Create(options.MinBackoff, options.MaxBackoff, 0.2);
        return RestartSource.WithBackoff(() =>
        {
            if (Interlocked.Increment(ref started) > 1)
            {
                counters.CountRestart();
                LogRestart(logger, publisher.Ledger.Connector, source.Name);
            }
            return Source.From(() => open.Track(source.ReadAsync(publisher.Ledger.Positions, ct)))
                .Throttle(options.RequestsPerSecond, TimeSpan.FromSeconds(1), options.RequestBurst, ThrottleMode.Shaping);
        }, settings);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "connector {Connector}: {Pending} ids were pending after a stop; {Found} were already on the topic")]
    private static partial void LogResolved(ILogger logger, string connector, int pending, int found);

    [LoggerMessage(Level = LogLevel.Warning, Message = "connector {Connector}: the host's shutdown deadline passed with {Open} source reads still unwinding")]
    private static partial void LogReadsLeft(ILogger logger, string connector, int open);

    [LoggerMessage(Level = LogLevel.Warning, Message = "connector {Connector}: source {Source} failed or ended; started again from the stored position")]
    private static partial void LogRestart(ILogger logger, string connector, string source);
}
