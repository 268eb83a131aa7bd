using System.Diagnostics;
using Commerce.Chain.JsonRpc;
using Commerce.Execution.Executor.Tracking;
using Commerce.Execution.Gas;
using Commerce.Execution.Storage;
using Microsoft.Extensions.Logging;

namespace Commerce.Execution.Executor;

/// <summary>
/// Owns the transactions of one sender once they are accepted, and is the only writer of their state
/// (run it on one instance per sender). It only sequences its parts, each with one job (Tracking/):
/// <list type="bullet">
/// <item><see cref="CommandIntake"/> takes newly accepted commands into <see cref="OpenCommands"/>;</item>
/// <item><see cref="PendingSender"/> sends what the node does not hold yet;</item>
/// <item><see cref="BlockScanner"/> rewinds on a reorg and scans new blocks for our hashes (mined);</item>
/// <item><see cref="ConfirmationChecker"/> confirms at depth, or sends a reorged command back to submitted;</item>
/// <item><see cref="GapFiller"/> checks nonces against the node: used elsewhere, or missing from its pool;</item>
/// <item><see cref="Replacer"/> bumps the fees of stuck transactions or cancels a nonce with a no-op.</item>
/// </list>
/// Every state change and its lifecycle events are committed together (<see cref="PassCommitter"/>);
/// if anything fails, memory is dropped and reloaded from the store.
/// </summary>
public sealed partial class SenderTracker
{
    private readonly EthClient _eth;
    private readonly TransactionFactory _factory;
    private readonly ExecutorOptions _options;
    private readonly ExecutorMetrics _metrics;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly LifecycleEvents _events;
    private readonly OpenCommands _open = new();
    private readonly ScannedBlocks _blocks;
    private readonly CommandIntake _intake;
    private readonly PassCommitter _committer;
    private readonly TransactionSender _transactions;
    private readonly Replacer _replacer;
    private readonly PendingSender _pending;
    private readonly BlockScanner _scanner;
    private readonly ReceiptReader _receipts;
    private readonly ConfirmationChecker _confirmations;
    private readonly GapFiller _gaps;
    private readonly BurstGauge _burst;
    private Stopwatch? _sinceReload;

    public SenderTracker(
        IExecutorStore store,
        EthClient eth,
        GasOracle oracle,
        TransactionFactory factory,
        ExecutorOptions options,
        ExecutorSignals signals,
        ExecutorMetrics metrics,
        TimeProvider clock,
        ILogger logger,
        LifecycleEvents events,
        AcceptedHandoff? handoff = null)
    {
        (_eth, _factory, _options, _metrics, _clock, _logger, _events) = (eth, factory, options, metrics, clock, logger, events);
        var sender = factory.Sender;
        _blocks = new ScannedBlocks(options.ConfirmationDepth + 128);
        _intake = new CommandIntake(store, sender, handoff, _open);
        _committer = new PassCommitter(store, _open, signals, metrics);
        _transactions = new TransactionSender(eth, sender, logger);
        _replacer = new Replacer(oracle, factory, options, logger);
        _burst = new BurstGauge(options);
        _pending = new PendingSender(_open, _transactions, _replacer, _committer, _burst, events, clock);
        _scanner = new BlockScanner(eth, _blocks, sender, logger);
        _receipts = new ReceiptReader(eth, _open);
        _confirmations = new ConfirmationChecker(eth, _open, _blocks, options, logger);
        _gaps = new GapFiller(eth, sender, _open, _blocks, _receipts, _transactions, _replacer, metrics, logger);
    }

    /// <summary>Commands not final yet, as this tracker holds them (tests and operators).</summary>
    public IReadOnlyCollection<ExecutorCommand> Open => [.. _open.All];

    /// <summary>The last block the tracker scanned.</summary>
    public ulong? LastScanned => _blocks.Last;

    /// <summary>One pass. With <paramref name="observeChain"/> false it only takes new commands and sends.</summary>
    public async Task RunOnceAsync(bool observeChain, CancellationToken ct)
    {
        try
        {
            var pace = observeChain ? _burst.Check() : SendPace.Normal;
            if (observeChain && (_sinceReload is null || (_sinceReload.Elapsed >= _options.ReloadInterval && pace == SendPace.Normal)))
            {
                _sinceReload = Stopwatch.StartNew();
                _intake.ReadAllNext();
            }
            await _intake.TakeAsync(observeChain, ct);
            await _pending.SendAsync(ct);
            if (!observeChain)
                return;
            await ObserveAsync(pace, ct);
            await _pending.SendAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LogPassFailed(ex, _factory.Sender.ToString());
            Reset();
            throw;
        }
    }

    /// <summary>Forgets everything in memory; the next pass reloads from the store and reconciles with the chain.</summary>
    public void Reset()
    {
        _intake.Reset();
        _blocks.Forget();
        _gaps.Reset();
    }

    /// <summary>Operator cancellation of an open nonce (the CLI's "nonce cancel"): a no-op above the latest attempt's fees.</summary>
    public async Task<bool> CancelNonceAsync(ulong nonce, string reason, CancellationToken ct)
    {
        await _intake.TakeAsync(readStore: true, ct);
        if (!_open.TryGet(nonce, out var command) || command.Status == CommandStatus.Mined)
            return false;
        var pass = new TrackerPass(_clock.GetUtcNow(), _events);
        await _replacer.CancelAsync(pass, command, reason, ct);
        await _committer.CommitAsync(pass, ct);
        await _pending.SendAsync(ct);
        return pass.Changed.Count > 0;
    }

    /// <summary>
    /// Looks at the chain: what was mined (by receipts after a fresh start, else by scanning new
    /// blocks), what is confirmed or reorged, which nonces the node lacks, what is stuck; commits it
    /// all, then re-sends the reorged commands' bytes.
    /// </summary>
    private async Task ObserveAsync(SendPace pace, CancellationToken ct)
    {
        var pass = new TrackerPass(_clock.GetUtcNow(), _events);
        var head = await _eth.GetBlockNumberAsync(ct);
        if (_blocks.Last is null)
        {
            // A fresh start: transactions may have been mined while nobody watched.
            var unmined = _open.All.Where(c => c.Status is CommandStatus.Pending or CommandStatus.Submitted).ToList();
            await _receipts.MarkMinedAsync(pass, unmined, ct);
            _blocks.StartAfter(head);
        }
        else
        {
            await _scanner.RewindOnReorgAsync(ct);
            foreach (var block in await _scanner.ScanAsync(head, ct))
                MarkOursMined(pass, block);
        }
        var reorged = await _confirmations.CheckAsync(pass, head, pace, ct);
        await _gaps.CheckAsync(pass, head, ct);
        await _replacer.ReplaceStuckAsync(pass, _open.All, ct);
        await _committer.CommitAsync(pass, ct);
        if (reorged.Count > 0)
        {
            // The same bytes again (those of the attempt that was mined): the node answers "already known" for those it still holds.
            await _transactions.SendAsync(reorged.Select(c => (c.AttemptByHash(c.MinedHash!) ?? c.Latest).Raw).ToList(), ct);
            _metrics.AddResent(reorged.Count);
        }
    }

    /// <summary>The block lists the hash: mined there. Whether it succeeded is read from its receipt when it is deep enough to confirm.</summary>
    private void MarkOursMined(TrackerPass pass, ScannedBlock block)
    {
        foreach (var hash in block.TransactionHashes)
        {
            if (_open.TryGetByHash(hash, out var command))
                Transitions.Mined(pass, command, hash, block.Number, block.Hash, succeeded: null);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Tracker pass for {Sender} failed; reloading from the store")]
    private partial void LogPassFailed(Exception ex, string sender);
}
