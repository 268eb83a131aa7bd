using Commerce.Actors.Storage;
using Commerce.Chain.JsonRpc;
using Commerce.Events.Chain;
using Commerce.Events.Envelope;
using Commerce.Events.Operations;
using Commerce.Events.Topics;
using Commerce.Execution.Gas;
using Commerce.Execution.Nonces;
using Commerce.Execution.Policy;
using Commerce.Execution.Storage;
using Microsoft.Extensions.Logging;

namespace Commerce.Execution.Executor;

/// <summary>
/// Turns command records into stored, signed transactions, chunk by chunk: known command ids are
/// skipped (one command id, one effect), bad commands are stored as failed with the field at
/// fault, and for the rest the nonces, the signed bytes, the partition cursor and the events are
/// committed in one transaction BEFORE anything is sent. A command the <see cref="CommandPolicy"/> does not allow (no
/// known requester's HMAC, a kind, contract, selector or value outside the allow-list) is refused the same way. Its
/// lifecycle events are marked for the requester whose HMAC verified it (<see cref="LifecycleEvents"/>), a refusal too. Each chunk first waits until the sender
/// has room in flight (decision D8: the partition stops, its buffer fills, the consumer pauses it).
/// </summary>
public sealed partial class CommandAcceptor(
    IExecutorStore store,
    NonceManager nonces,
    GasOracle oracle,
    TransactionFactory factory,
    EthClient eth,
    ExecutorOptions options,
    CommandPolicy policy,
    LifecycleEvents events,
    ExecutorSignals signals,
    ExecutorMetrics metrics,
    TimeProvider clock,
    ILogger logger,
    AcceptedHandoff? handoff = null)
{
    /// <summary>
    /// Accepts the records (in offset order). <paramref name="committed"/> is told each offset
    /// committed with its chunk; <paramref name="cursor"/> may be null outside Kafka (tests, tools).
    /// </summary>
    public async Task AcceptAsync(IReadOnlyList<IncomingCommand> records, PartitionCursor? cursor, long? appliedOffset, Action<long> committed, CancellationToken ct)
    {
        if (records.Count == 0)
            return;
        var ids = records.Where(r => r.Command is not null).Select(r => r.Command!.CommandId).ToHashSet();
        var known = await store.FindCommandsAsync(ids, ct);
        var seen = new HashSet<string>();
        var now = clock.GetUtcNow();

        var entries = new List<Entry>(records.Count);
        foreach (var record in records)
        {
            if (record.Command is not { } command)
            {
                entries.Add(new Entry(record, null, null, DeadLetter(record, now)));
                continue;
            }
            if (known.Contains(command.CommandId) || !seen.Add(command.CommandId))
            {
                metrics.AddDuplicates(1);
                entries.Add(new Entry(record, null, null, null));
                continue;
            }
            var (parsed, error) = CommandValidation.Parse(command);
            // Only what the platform may ask is signed: a known requester's HMAC, then the kind's allow-list and value cap.
            var refusal = parsed is null ? "invalid command: " + error! : policy.Refusal(command, parsed.To, parsed.Value, parsed.Data) is { } why ? "not allowed: " + why : null;
            entries.Add(refusal is not null
                ? new Entry(record, Rejected(command, refusal, now), null, null)
                : new Entry(record, null, ToStored(command, parsed!, now), null));
        }
        await EstimateGasAsync(entries, now, ct);

        var expected = appliedOffset;
        var chunk = new List<Entry>();
        foreach (var entry in entries)
        {
            chunk.Add(entry);
            if (chunk.Count(e => e.Accepted is not null) >= options.MaxChunk)
            {
                expected = await CommitChunkAsync(chunk, cursor, expected, ct);
                committed(expected!.Value);
                chunk.Clear();
            }
        }
        if (chunk.Count > 0)
        {
            expected = await CommitChunkAsync(chunk, cursor, expected, ct);
            committed(expected!.Value);
        }
    }

    private async Task<long?> CommitChunkAsync(List<Entry> chunk, PartitionCursor? cursor, long? expected, CancellationToken ct)
    {
        var accepted = chunk.Where(e => e.Accepted is not null).Select(e => e.Accepted!).ToList();
        var rejected = chunk.Where(e => e.Rejected is not null).Select(e => e.Rejected!).ToList();
        var now = clock.GetUtcNow();
        var outbox = new List<OutboxWrite>();
        foreach (var entry in chunk)
        {
            if (entry.DeadLetter is { } dead)
                outbox.Add(dead);
            if (entry.Rejected is { } r)
                outbox.Add(events.Create(r, ChainTransactionUpdated.Failed, now, reason: r.Reason));
        }
        var lastOffset = chunk[^1].Record.Offset;
        if (accepted.Count == 0)
        {
            await store.AcceptAsync(new AcceptedBatch(cursor, expected, lastOffset, factory.Sender, 0, 0, rejected, outbox), ct);
        }
        else
        {
            await WaitForRoomAsync(accepted.Count, ct);
            var quote = await oracle.GetAsync(ct);
            await nonces.AssignAsync(factory.Sender, accepted.Count, async (first, stored) =>
            {
                var signed = new List<ExecutorCommand>(accepted.Count);
                for (var i = 0; i < accepted.Count; i++)
                {
                    var nonce = first + (ulong)i;
                    var command = accepted[i] with { Nonce = nonce };
                    var attempt = factory.Sign(command, nonce, FeePolicy.Initial(quote, command.FeeCeiling), 1);
                    signed.Add(command with { Attempts = [attempt] });
                }
                await store.AcceptAsync(new AcceptedBatch(cursor, expected, lastOffset, factory.Sender, stored, first + (ulong)accepted.Count,
                    [.. signed, .. rejected], outbox), ct);
                // Still holding the sender's nonce lane: chunks reach the tracker in nonce order.
                handoff?.Add(signed);
                return true;
            }, ct);
            signals.Accepted.Notify();
        }
        if (outbox.Count > 0)
            signals.Outbox.Notify();
        metrics.AddAccepted(accepted.Count);
        metrics.AddRejected(rejected.Count);
        foreach (var r in rejected)
            LogRejected(r.CommandId, r.Reason ?? "");
        return lastOffset;
    }

    private async Task WaitForRoomAsync(int count, CancellationToken ct)
    {
        while (true)
        {
            var unmined = await store.CountUnminedAsync(factory.Sender, ct);
            if (unmined == 0 || unmined + count <= options.MaxInFlightPerSender)
                return;
            await signals.Progress.WaitAsync(TimeSpan.FromMilliseconds(250), ct);
        }
    }

    /// <summary>Commands without a gas limit get eth_estimateGas plus 20%; one that cannot be estimated (it would revert) is refused.</summary>
    private async Task EstimateGasAsync(List<Entry> entries, DateTimeOffset now, CancellationToken ct)
    {
        var needing = entries.Select((e, i) => (e, i)).Where(x => x.e.Accepted is { GasLimit: 0 }).ToList();
        if (needing.Count == 0)
            return;
        foreach (var part in needing.Chunk(200))
        {
            var batch = eth.Rpc.CreateBatch();
            var calls = part.Select(x => (x.i, Task: batch.Add(EthRpc.EstimateGas(new CallRequest
            {
                From = factory.Sender, To = x.e.Accepted!.To, Value = x.e.Accepted.Value, Data = x.e.Accepted.Data,
            })))).ToList();
            try
            {
                await batch.SendAsync(ct);
            }
            catch (JsonRpcException)
            {
                // Per-call errors are read below.
            }
            foreach (var (i, task) in calls)
            {
                var entry = entries[i];
                try
                {
                    var gas = await task;
                    entries[i] = entry with { Accepted = entry.Accepted! with { GasLimit = Math.Max(TransactionFactory.TransferGas, gas + gas / 5) } };
                }
                catch (JsonRpcException e)
                {
                    var command = entry.Record.Command!;
                    entries[i] = entry with { Accepted = null, Rejected = Rejected(command, $"refused before sending: it would revert (gas estimation: {e.RpcMessage})", now) };
                }
            }
        }
    }

    private ExecutorCommand ToStored(ChainCommandRequested command, CommandValidation.Parsed parsed, DateTimeOffset now) => new()
    {
        CommandId = command.CommandId,
        Sender = factory.Sender,
        Kind = command.Kind,
        Requester = command.Requester, // the policy verified its HMAC before the command got here
        To = parsed.To,
        Value = parsed.Value,
        Data = parsed.Data,
        GasLimit = command.GasLimit,
        FeeCeiling = parsed.Ceiling ?? options.DefaultFeeCeiling,
        Status = CommandStatus.Pending,
        CreatedAt = now,
    };

    private ExecutorCommand Rejected(ChainCommandRequested command, string reason, DateTimeOffset now) => new()
    {
        CommandId = command.CommandId,
        Sender = factory.Sender,
        Kind = command.Kind ?? "",
        // Its refusal is marked only for a requester whose HMAC covers it: a forged command's refusal speaks for no one.
        Requester = policy.VerifiedRequester(command),
        To = Chain.Crypto.EthAddress.TryParse(command.To, out var to) ? to : Chain.Crypto.EthAddress.Zero,
        Status = CommandStatus.Failed,
        Reason = reason,
        CreatedAt = now,
    };

    private static OutboxWrite DeadLetter(IncomingCommand record, DateTimeOffset now)
    {
        var key = record.Key ?? "";
        var payload = new DeadLettered(record.Topic ?? TopicCatalog.ChainCommands.Name, record.Partition, record.Offset, "executor",
            record.Error ?? "unreadable", 1, Convert.ToBase64String(record.RawValue ?? []));
        return new OutboxWrite(TopicCatalog.DeadLetters.Name, key, EnvelopeSerializer.Serialize(EventEnvelope.Create(key, payload, now)));
    }

    private sealed record Entry(IncomingCommand Record, ExecutorCommand? Rejected, ExecutorCommand? Accepted, OutboxWrite? DeadLetter);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Command {CommandId} refused: {Reason}")]
    private partial void LogRejected(string commandId, string reason);
}
