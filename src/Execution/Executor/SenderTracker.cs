using System.Text.Json;
using Commerce.Actors.Storage;
using Commerce.Chain.JsonRpc;
using Commerce.Events.Chain;
using Commerce.Execution.Gas;
using Commerce.Execution.Storage;
using Microsoft.Extensions.Logging;

namespace Commerce.Execution.Executor;

/// <summary>
/// Owns the transactions of one sender once they are accepted, and is the only writer of their
/// state (run it on one instance per sender). Each pass: loads newly accepted commands, sends
/// what the node does not hold yet, and, when observing the chain, scans new blocks for our
/// transaction hashes, detects reorgs by block hash, confirms at the configured depth, replaces
/// stuck transactions (fee bump of at least 10%, or a no-op cancellation at the ceiling), and
/// re-sends or fills nonces the node lost. Every state change and its lifecycle events are
/// committed in one transaction; if anything fails, memory is dropped and reloaded from the store.
/// </summary>
public sealed partial class SenderTracker(
    IExecutorStore store,
    EthClient eth,
    GasOracle oracle,
    TransactionFactory factory,
    ExecutorOptions options,
    ExecutorSignals signals,
    ExecutorMetrics metrics,
    TimeProvider clock,
    ILogger logger,
    AcceptedHandoff? handoff = null)
{
    private const int MaxBlocksPerPass = 64;
    private const int RpcChunk = 500;

    private readonly SortedDictionary<ulong, ExecutorCommand> _open = [];
    private readonly Dictionary<string, ulong> _byHash = new(StringComparer.OrdinalIgnoreCase);
    private readonly SortedDictionary<ulong, string> _blocks = [];
    private readonly HashSet<ulong> _consumedSuspects = [];
    private readonly Dictionary<ulong, ulong> _gapResentAt = [];
    private bool _loaded;
    private ulong? _maxLoaded;
    private ulong? _lastScanned;
    private System.Diagnostics.Stopwatch? _sinceReload;
    private readonly Queue<(long At, int Count)> _recentSends = new();
    private long? _postponedSince;
    private bool _postponing;

    /// <summary>Commands not final yet, as this tracker holds them (tests and operators).</summary>
    public IReadOnlyCollection<ExecutorCommand> Open => [.. _open.Values];

    /// <summary>The last block the tracker scanned.</summary>
    public ulong? LastScanned => _lastScanned;

    /// <summary>One pass. With <paramref name="observeChain"/> false it only loads and sends.</summary>
    public async Task RunOnceAsync(bool observeChain, CancellationToken ct)
    {
        try
        {
            _postponing = observeChain && Postpone();
            if (observeChain && (_sinceReload is null || (_sinceReload.Elapsed >= options.ReloadInterval && !_postponing)))
            {
                _sinceReload = System.Diagnostics.Stopwatch.StartNew();
                // Reread everything open, so changes made elsewhere (an operator's cancel) are seen.
                _open.Clear();
                _byHash.Clear();
                _loaded = false;
            }
            await LoadAsync(observeChain, ct);
            await SendPendingAsync(ct);
            if (!observeChain)
                return;
            await ObserveAsync(ct);
            await SendPendingAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LogPassFailed(ex, factory.Sender.ToString());
            Reset();
            throw;
        }
    }

    /// <summary>Forgets everything in memory; the next pass reloads from the store and reconciles with the chain.</summary>
    public void Reset()
    {
        _loaded = false;
        _open.Clear();
        _byHash.Clear();
        _blocks.Clear();
        _consumedSuspects.Clear();
        _gapResentAt.Clear();
        _maxLoaded = null;
        _lastScanned = null;
    }

    /// <summary>
    /// Picks up newly accepted commands: from this process's acceptor in memory when they follow on
    /// from the last nonce held, otherwise (and on every chain observation, for other instances'
    /// commands) from the store.
    /// </summary>
    private async Task LoadAsync(bool readStore, CancellationToken ct)
    {
        if (_loaded && handoff?.TakeAfter(_maxLoaded) is { } handed)
        {
            foreach (var command in handed)
                Track(command);
            // Another instance's commands would have left a gap in this run; with none handed over,
            // a chain observation also reads the store for them.
            if (handed.Count > 0 || !readStore)
                return;
        }
        else if (!_loaded)
        {
            handoff?.Clear();
        }
        var fresh = await store.LoadOpenAsync(factory.Sender, _loaded ? _maxLoaded : null, ct);
        _loaded = true;
        foreach (var command in fresh)
            Track(command);
    }

    private void Track(ExecutorCommand command)
    {
        var nonce = command.Nonce!.Value;
        if (command.IsFinal)
        {
            _open.Remove(nonce);
        }
        else
        {
            _open[nonce] = command;
            foreach (var attempt in command.Attempts)
                _byHash[attempt.Hash] = nonce;
        }
        if (_maxLoaded is null || nonce > _maxLoaded)
            _maxLoaded = nonce;
    }

    // ---- sending ----

    private async Task SendPendingAsync(CancellationToken ct)
    {
        var pending = _open.Values.Where(c => c.Status == CommandStatus.Pending).ToList();
        if (pending.Count == 0)
            return;
        var outcomes = await SendAsync(pending.Select(c => c.Latest.Raw).ToList(), ct);
        var pass = new Pass(clock.GetUtcNow());
        for (var i = 0; i < pending.Count; i++)
        {
            var command = pending[i];
            var (outcome, message) = outcomes[i];
            switch (outcome)
            {
                case SendOutcome.Accepted:
                    pass.Change(command with { Status = CommandStatus.Submitted, LastSentAt = pass.Now, LastError = null });
                    if (command.Attempts.Count == 1)
                    {
                        pass.Emit(LifecycleEvents.Create(command, ChainTransactionUpdated.Submitted, pass.Now));
                        pass.Count(m => m.AddSubmitted(1));
                    }
                    break;
                case SendOutcome.Deferred:
                    if (command.LastError != message)
                        pass.Change(command with { LastError = message });
                    break;
                case SendOutcome.Rejected:
                    await CancelAsync(pass, command, $"rejected by the node: {message}", ct);
                    break;
            }
        }
        await CommitAsync(pass, ct);
        // Only what the node took counts towards a burst (commands deferred pass after pass do not).
        _recentSends.Enqueue((System.Diagnostics.Stopwatch.GetTimestamp(), outcomes.Count(o => o.Outcome == SendOutcome.Accepted)));
    }

    /// <summary>Sends raw transactions in JSON-RPC batches; a batch that cannot be delivered defers all of its transactions.</summary>
    private async Task<List<(SendOutcome Outcome, string? Message)>> SendAsync(IReadOnlyList<byte[]> raws, CancellationToken ct)
    {
        var results = new List<(SendOutcome, string?)>(raws.Count);
        foreach (var part in raws.Chunk(RpcChunk))
        {
            var batch = eth.Rpc.CreateBatch();
            var calls = part.Select(raw => batch.Add(EthRpc.SendRawTransaction(raw))).ToList();
            try
            {
                await batch.SendAsync(ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                if (ex is not JsonRpcException)
                    LogSendFailed(factory.Sender.ToString(), part.Length, ex.Message);
            }
            foreach (var call in calls)
            {
                try
                {
                    await call;
                    results.Add((SendOutcome.Accepted, null));
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    var message = ex is JsonRpcException rpc ? rpc.RpcMessage : ex.Message;
                    results.Add((SendOutcomes.Classify(ex), message));
                }
            }
        }
        return results;
    }

    // ---- observing the chain ----

    private async Task ObserveAsync(CancellationToken ct)
    {
        var pass = new Pass(clock.GetUtcNow());
        var head = await eth.GetBlockNumberAsync(ct);
        if (_lastScanned is null)
        {
            // A fresh start: transactions may have been mined while nobody watched.
            await ReconcileByReceiptsAsync(pass, _open.Values.Where(c => c.Status is CommandStatus.Pending or CommandStatus.Submitted).ToList(), ct);
            _lastScanned = head;
        }
        else
        {
            await RewindOnReorgAsync(ct);
            await ScanAsync(pass, head, ct);
        }
        var resend = new List<ExecutorCommand>();
        await CheckMinedAsync(pass, head, resend, ct);
        await CheckNoncesAsync(pass, head, resend, ct);
        await CheckStuckAsync(pass, ct);
        await CommitAsync(pass, ct);
        if (resend.Count > 0)
        {
            // Same bytes again: the node answers "already known" for those it still holds.
            await SendAsync(resend.Select(c => (c.MinedHash is { } h ? c.AttemptByHash(h) : null ?? c.Latest)?.Raw ?? c.Latest.Raw).ToList(), ct);
            metrics.AddResent(resend.Count);
        }
    }

    /// <summary>If the last scanned block is no longer canonical, walks back to the fork point and rescans from there.</summary>
    private async Task RewindOnReorgAsync(CancellationToken ct)
    {
        while (_lastScanned is { } last && _blocks.TryGetValue(last, out var known))
        {
            var canonical = await eth.GetBlockByNumberAsync(last, ct);
            if (canonical?.Hash is { } hash && string.Equals(hash, known, StringComparison.OrdinalIgnoreCase))
                return;
            LogReorgDetected(factory.Sender.ToString(), last, known, canonical?.Hash ?? "none");
            _blocks.Remove(last);
            _lastScanned = last - 1;
        }
    }

    private async Task ScanAsync(Pass pass, ulong head, CancellationToken ct)
    {
        var from = _lastScanned!.Value + 1;
        if (from > head)
            return;
        var to = Math.Min(head, from + MaxBlocksPerPass - 1);
        var batch = eth.Rpc.CreateBatch();
        var calls = new List<(ulong Number, Task<RpcBlock?> Block)>();
        for (var n = from; n <= to; n++)
            calls.Add((n, batch.Add(EthRpc.GetBlockByNumber(n))));
        await batch.SendAsync(ct);
        foreach (var (number, call) in calls)
        {
            var block = await call;
            if (block?.Hash is null)
                break;
            if (_blocks.TryGetValue(number - 1, out var parent) && !string.Equals(parent, block.ParentHash, StringComparison.OrdinalIgnoreCase))
                break; // the chain moved under the scan; the next pass rewinds
            _blocks[number] = block.Hash;
            _lastScanned = number;
            // The block lists the hash: mined there. Whether it succeeded is read from its receipt
            // when it is deep enough to confirm (receipts are the costly read, so once and late).
            foreach (var tx in block.Transactions)
            {
                if (tx.ValueKind == JsonValueKind.String && tx.GetString() is { } hash
                    && _byHash.TryGetValue(hash, out var nonce) && _open.TryGetValue(nonce, out var command))
                    MarkMined(pass, command, hash, number, block.Hash, succeeded: null);
            }
        }
        while (_blocks.Count > options.ConfirmationDepth + 128)
            _blocks.Remove(_blocks.Keys.First());
    }

    private static void MarkMined(Pass pass, ExecutorCommand command, string hash, ulong blockNumber, string blockHash, bool? succeeded)
    {
        var current = pass.Current(command);
        if (current.Status == CommandStatus.Mined || current.AttemptByHash(hash) is not { } attempt)
            return;
        var mined = current with
        {
            Status = CommandStatus.Mined,
            MinedHash = attempt.Hash,
            BlockNumber = blockNumber,
            BlockHash = blockHash,
            Succeeded = succeeded,
        };
        pass.Change(mined);
        pass.Emit(LifecycleEvents.Create(mined, ChainTransactionUpdated.Mined, pass.Now, attempt));
        pass.Count(m => m.AddMined(1));
    }

    /// <summary>Reads the receipts of <paramref name="hashes"/> and records the ones found as mined.</summary>
    private async Task MarkMinedAsync(Pass pass, IReadOnlyList<string> hashes, CancellationToken ct)
    {
        foreach (var part in hashes.Chunk(RpcChunk))
        {
            var batch = eth.Rpc.CreateBatch();
            var calls = part.Select(h => (h, batch.Add(EthRpc.GetTransactionReceipt(h)))).ToList();
            await batch.SendAsync(ct);
            foreach (var (hash, call) in calls)
            {
                if (await call is { } receipt && _byHash.TryGetValue(hash, out var nonce) && _open.TryGetValue(nonce, out var command))
                    MarkMined(pass, command, receipt.TransactionHash, receipt.BlockNumber, receipt.BlockHash, receipt.Succeeded);
            }
        }
    }

    private Task ReconcileByReceiptsAsync(Pass pass, IReadOnlyList<ExecutorCommand> commands, CancellationToken ct) =>
        commands.Count == 0 ? Task.CompletedTask : MarkMinedAsync(pass, commands.SelectMany(c => c.Attempts.Select(a => a.Hash)).ToList(), ct);

    /// <summary>Mined transactions: still on their block (by hash)? deep enough to confirm? If their block left the chain, they are re-submitted.</summary>
    private async Task CheckMinedAsync(Pass pass, ulong head, List<ExecutorCommand> resend, CancellationToken ct)
    {
        var mined = _open.Values.Select(pass.Current).Where(c => c.Status == CommandStatus.Mined).ToList();
        if (mined.Count == 0)
            return;
        var heights = mined.Select(c => c.BlockNumber!.Value).Distinct().ToList();
        var batch = eth.Rpc.CreateBatch();
        var calls = heights.ToDictionary(h => h, h => batch.Add(EthRpc.GetBlockByNumber(h)));
        await batch.SendAsync(ct);
        var canonical = new Dictionary<ulong, string?>();
        foreach (var (height, call) in calls)
            canonical[height] = (await call)?.Hash;
        var deep = new List<ExecutorCommand>();
        foreach (var command in mined)
        {
            var height = command.BlockNumber!.Value;
            if (!string.Equals(canonical[height], command.BlockHash, StringComparison.OrdinalIgnoreCase))
            {
                var back = command with { Status = CommandStatus.Submitted, MinedHash = null, BlockNumber = null, BlockHash = null, Succeeded = null, LastSentAt = pass.Now };
                pass.Change(back);
                pass.Emit(LifecycleEvents.Create(command, ChainTransactionUpdated.Reorged, pass.Now, command.AttemptByHash(command.MinedHash!),
                    reason: $"block {height} {command.BlockHash} is no longer canonical; re-submitted"));
                resend.Add(command);
                pass.Count(m => m.AddReorged(1));
                LogReorged(command.CommandId, height, command.BlockHash ?? "");
                if (_lastScanned is { } last && last >= height)
                {
                    _lastScanned = height - 1;
                    foreach (var key in _blocks.Keys.Where(k => k >= height).ToList())
                        _blocks.Remove(key);
                }
                continue;
            }
            if (head + 1 >= height + (ulong)options.ConfirmationDepth)
                deep.Add(command);
        }
        var progressed = false;
        foreach (var command in await WithOutcomesAsync(deep, ct))
        {
            var attempt = command.AttemptByHash(command.MinedHash!);
            string? reason = attempt?.IsCancel == true
                ? command.Reason ?? "cancelled by a no-op"
                : command.Succeeded == false ? "reverted" : null;
            var final = command with { Status = reason is null ? CommandStatus.Confirmed : CommandStatus.Failed, Reason = reason ?? command.Reason };
            pass.Change(final);
            pass.Emit(LifecycleEvents.Create(final, reason is null ? ChainTransactionUpdated.Confirmed : ChainTransactionUpdated.Failed, pass.Now, attempt, reason: reason));
            if (reason is null)
                pass.Count(m => m.AddConfirmed(1));
            else
                pass.Count(m => m.AddFailed(1));
            progressed = true;
        }
        if (progressed)
            pass.Progressed = true;
    }

    /// <summary>
    /// The commands deep enough to confirm, with whether their transaction succeeded: known, or read
    /// from its receipt (which must name the block the command was seen in; if not, the chain moved
    /// and the next pass sees it). During a send burst receipts wait (see <see cref="Postpone"/>).
    /// </summary>
    private async Task<List<ExecutorCommand>> WithOutcomesAsync(List<ExecutorCommand> deep, CancellationToken ct)
    {
        var unknown = deep.Where(c => c.Succeeded is null).ToList();
        if (unknown.Count == 0 || _postponing)
            return deep.Where(c => c.Succeeded is not null).ToList();
        var known = new Dictionary<string, bool>();
        foreach (var part in unknown.Chunk(RpcChunk))
        {
            var batch = eth.Rpc.CreateBatch();
            var calls = part.Select(c => (c, batch.Add(EthRpc.GetTransactionReceipt(c.MinedHash!)))).ToList();
            await batch.SendAsync(ct);
            foreach (var (command, call) in calls)
            {
                if (await call is { } receipt && string.Equals(receipt.BlockHash, command.BlockHash, StringComparison.OrdinalIgnoreCase))
                    known[command.CommandId] = receipt.Succeeded;
            }
        }
        return deep.Where(c => c.Succeeded is not null || known.ContainsKey(c.CommandId))
            .Select(c => c.Succeeded is null ? c with { Succeeded = known[c.CommandId] } : c)
            .ToList();
    }

    /// <summary>
    /// True while the tracker sends a burst (at least MaxChunk transactions within the last
    /// PollInterval) and has not yet postponed for BurstDeferral: receipts and rereading every open
    /// command cost the node and the store most, so during a burst their time goes to taking
    /// transactions, and confirmations follow.
    /// </summary>
    private bool Postpone()
    {
        var now = System.Diagnostics.Stopwatch.GetTimestamp();
        while (_recentSends.TryPeek(out var oldest) && System.Diagnostics.Stopwatch.GetElapsedTime(oldest.At, now) > options.PollInterval)
            _recentSends.Dequeue();
        if (_recentSends.Sum(s => s.Count) < options.MaxChunk || options.BurstDeferral <= TimeSpan.Zero)
        {
            _postponedSince = null;
            return false;
        }
        _postponedSince ??= now;
        if (System.Diagnostics.Stopwatch.GetElapsedTime(_postponedSince.Value, now) < options.BurstDeferral)
            return true;
        _postponedSince = null;
        return false;
    }

    /// <summary>
    /// Nonces against the node: an open nonce below the mined count was used by someone (ours,
    /// found by receipt, or another signer: failed); a sent nonce at or above the node's pending
    /// count is missing from its pool (a gap): re-sent, and filled with a no-op if refused.
    /// </summary>
    private async Task CheckNoncesAsync(Pass pass, ulong head, List<ExecutorCommand> resend, CancellationToken ct)
    {
        var unmined = _open.Values.Select(pass.Current).Where(c => c.Status is CommandStatus.Submitted).ToList();
        if (unmined.Count == 0)
        {
            _consumedSuspects.Clear();
            return;
        }
        var batch = eth.Rpc.CreateBatch();
        var latestCall = batch.Add(EthRpc.GetTransactionCount(factory.Sender, BlockTag.Latest));
        var pendingCall = batch.Add(EthRpc.GetTransactionCount(factory.Sender, BlockTag.Pending));
        // Used nonces are judged at the last scanned block: ours mined up to there were found by the
        // scan, so only the unexplained ones cost a receipt read.
        var scannedCall = _lastScanned is { } scanned ? batch.Add(EthRpc.GetTransactionCount(factory.Sender, BlockTag.Number(scanned))) : null;
        await batch.SendAsync(ct);
        var latest = await latestCall;
        var pending = await pendingCall;
        var usedBelow = scannedCall is null ? latest : Math.Min(latest, await scannedCall);

        var used = unmined.Where(c => c.Nonce < usedBelow).ToList();
        if (used.Count > 0)
        {
            await ReconcileByReceiptsAsync(pass, used, ct);
            foreach (var command in used.Select(pass.Current).Where(c => c.Status != CommandStatus.Mined))
            {
                // Twice in a row, so a reorg between the two reads cannot fail a command.
                if (!_consumedSuspects.Add(command.Nonce!.Value))
                {
                    var failed = command with { Status = CommandStatus.Failed, Reason = "nonce used by a transaction this executor did not sign" };
                    pass.Change(failed);
                    pass.Emit(LifecycleEvents.Create(failed, ChainTransactionUpdated.Failed, pass.Now, reason: failed.Reason));
                    pass.Count(m => m.AddFailed(1));
                    _consumedSuspects.Remove(command.Nonce!.Value);
                }
            }
        }
        else
        {
            _consumedSuspects.Clear();
        }

        var missing = unmined.Where(c => c.Nonce >= pending && c.Nonce >= latest).Select(pass.Current)
            .Where(c => c.Status == CommandStatus.Submitted).ToList();
        foreach (var nonce in _gapResentAt.Keys.Where(n => n < pending || missing.All(c => c.Nonce != n)).ToList())
            _gapResentAt.Remove(nonce);
        if (missing.Count == 0)
            return;
        LogGap(factory.Sender.ToString(), pending, missing[0].Nonce!.Value, missing.Count);
        // The first missing nonce was re-sent before and blocks were mined since, yet the node
        // still lacks it: the node takes these bytes but drops them instead of mining them.
        var first = missing[0];
        if (first.Nonce == pending && _gapResentAt.TryGetValue(pending, out var resentAt) && head >= resentAt + 2)
        {
            _gapResentAt.Remove(pending);
            await CancelAsync(pass, first, "the node drops this transaction without mining it", ct);
            missing.RemoveAt(0);
        }
        else if (first.Nonce == pending)
        {
            _gapResentAt.TryAdd(pending, head);
        }
        var outcomes = await SendAsync(missing.Select(c => c.Latest.Raw).ToList(), ct);
        metrics.AddResent(missing.Count);
        for (var i = 0; i < missing.Count; i++)
        {
            if (outcomes[i].Outcome == SendOutcome.Rejected)
                await CancelAsync(pass, missing[i], $"rejected by the node: {outcomes[i].Message}", ct);
        }
    }

    /// <summary>Attempts older than StuckAfter are replaced: fees +FeeBumpPercent, or at the ceiling a no-op cancellation.</summary>
    private async Task CheckStuckAsync(Pass pass, CancellationToken ct)
    {
        var stuck = _open.Values.Select(pass.Current)
            .Where(c => c.Status is CommandStatus.Pending or CommandStatus.Submitted && pass.Now - c.Latest.CreatedAt >= options.StuckAfter)
            .ToList();
        if (stuck.Count == 0)
            return;
        oracle.Invalidate();
        var quote = await oracle.GetAsync(ct);
        foreach (var command in stuck)
        {
            var latest = command.Latest;
            var previous = new Fees(latest.MaxFeePerGas, latest.MaxPriorityFeePerGas);
            if (!latest.IsCancel && FeePolicy.Bump(previous, quote, command.FeeCeiling, options.FeeBumpPercent) is { } bumped)
            {
                var attempt = factory.Sign(command, command.Nonce!.Value, bumped, latest.Number + 1);
                var replaced = command with { Status = CommandStatus.Pending, Attempts = [.. command.Attempts, attempt] };
                pass.Change(replaced, attempt);
                pass.Emit(LifecycleEvents.Create(replaced, ChainTransactionUpdated.Replaced, pass.Now, attempt, latest.Hash,
                    $"not mined after {options.StuckAfter.TotalSeconds:0} s: fees raised"));
                pass.Count(m => m.AddReplaced(1));
                continue;
            }
            var reason = latest.IsCancel ? command.Reason ?? "cancelled" : $"fee ceiling of {command.FeeCeiling} wei per gas reached";
            await CancelAsync(pass, command, reason, ct, quote);
        }
    }

    /// <summary>Replaces the command's transaction with a no-op at the same nonce (fees above the latest attempt, under the cancel ceiling).</summary>
    private async Task CancelAsync(Pass pass, ExecutorCommand command, string reason, CancellationToken ct, FeeQuote? quote = null)
    {
        command = pass.Current(command);
        quote ??= await oracle.GetAsync(ct);
        var latest = command.Latest;
        var previous = new Fees(latest.MaxFeePerGas, latest.MaxPriorityFeePerGas);
        var fees = FeePolicy.Bump(previous, quote, options.CancelFeeCeiling, options.FeeBumpPercent);
        if (fees is null)
        {
            var error = $"cannot replace: {reason}, and a cancellation would pass the cancel ceiling of {options.CancelFeeCeiling} wei per gas";
            if (command.LastError != error)
            {
                pass.Change(command with { LastError = error });
                LogCannotCancel(command.CommandId, command.Nonce!.Value, error);
            }
            return;
        }
        var attempt = factory.SignNoOp(command.Nonce!.Value, fees.Value, latest.Number + 1);
        var cancelled = command with { Status = CommandStatus.Pending, Reason = reason, Attempts = [.. command.Attempts, attempt] };
        pass.Change(cancelled, attempt);
        pass.Emit(LifecycleEvents.Create(cancelled, ChainTransactionUpdated.Replaced, pass.Now, attempt, latest.Hash, $"{reason}: cancelling with a no-op"));
        pass.Count(m => m.AddReplaced(1));
        LogCancelling(command.CommandId, command.Nonce!.Value, reason);
    }

    /// <summary>Operator cancellation of an open nonce (the CLI's "nonce cancel"): a no-op above the latest attempt's fees.</summary>
    public async Task<bool> CancelNonceAsync(ulong nonce, string reason, CancellationToken ct)
    {
        await LoadAsync(readStore: true, ct);
        if (!_open.TryGetValue(nonce, out var command) || command.Status == CommandStatus.Mined)
            return false;
        var pass = new Pass(clock.GetUtcNow());
        await CancelAsync(pass, command, reason, ct);
        await CommitAsync(pass, ct);
        await SendPendingAsync(ct);
        return pass.Changed.Count > 0;
    }

    private async Task CommitAsync(Pass pass, CancellationToken ct)
    {
        if (pass.Changed.Count == 0 && pass.Outbox.Count == 0)
            return;
        await store.CommitAsync(new TrackerCommit([.. pass.Changed.Values], pass.NewAttempts, pass.Outbox), ct);
        foreach (var count in pass.Counts)
            count(metrics);
        foreach (var command in pass.Changed.Values)
        {
            if (command.IsFinal)
            {
                _open.Remove(command.Nonce!.Value);
                foreach (var attempt in command.Attempts)
                    _byHash.Remove(attempt.Hash);
            }
            else
            {
                Track(command);
            }
        }
        if (pass.Outbox.Count > 0)
            signals.Outbox.Notify();
        if (pass.Progressed || pass.Changed.Values.Any(c => c.Status is CommandStatus.Mined or CommandStatus.Confirmed or CommandStatus.Failed))
            signals.Progress.Notify();
    }

    /// <summary>The changes of one pass, applied to memory only after they are committed.</summary>
    private sealed class Pass(DateTimeOffset now)
    {
        public DateTimeOffset Now { get; } = now;

        public Dictionary<string, ExecutorCommand> Changed { get; } = [];

        public List<(string CommandId, TransactionAttempt Attempt)> NewAttempts { get; } = [];

        public List<OutboxWrite> Outbox { get; } = [];

        public bool Progressed { get; set; }

        public ExecutorCommand Current(ExecutorCommand command) => Changed.GetValueOrDefault(command.CommandId, command);

        public void Change(ExecutorCommand command, TransactionAttempt? newAttempt = null)
        {
            Changed[command.CommandId] = command;
            if (newAttempt is not null)
                NewAttempts.Add((command.CommandId, newAttempt));
        }

        public void Emit(OutboxWrite write) => Outbox.Add(write);

        /// <summary>Metrics move only once the pass is committed.</summary>
        public List<Action<ExecutorMetrics>> Counts { get; } = [];

        public void Count(Action<ExecutorMetrics> count) => Counts.Add(count);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Tracker pass for {Sender} failed; reloading from the store")]
    private partial void LogPassFailed(Exception ex, string sender);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending {Count} transactions of {Sender} failed ({Reason}); they stay pending")]
    private partial void LogSendFailed(string sender, int count, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reorg seen by {Sender}: block {Number} was {Known}, is {Canonical}")]
    private partial void LogReorgDetected(string sender, ulong number, string known, string canonical);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Command {CommandId}: block {Number} {Hash} left the canonical chain; re-submitting")]
    private partial void LogReorged(string commandId, ulong number, string hash);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Nonce gap for {Sender}: the node's pending count is {Pending}, our lowest unmined nonce {Lowest}; re-sending {Count}")]
    private partial void LogGap(string sender, ulong pending, ulong lowest, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Command {CommandId} (nonce {Nonce}): {Reason}; cancelling with a no-op")]
    private partial void LogCancelling(string commandId, ulong nonce, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Command {CommandId} (nonce {Nonce}) is stuck: {Error}")]
    private partial void LogCannotCancel(string commandId, ulong nonce, string error);
}
