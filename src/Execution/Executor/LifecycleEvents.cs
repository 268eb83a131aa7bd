using Commerce.Actors.Storage;
using Commerce.Events.Chain;
using Commerce.Events.Envelope;
using Commerce.Events.Topics;
using Commerce.Execution.Policy;
using Commerce.Execution.Storage;

namespace Commerce.Execution.Executor;

/// <summary>
/// Builds the outbox record of a command's lifecycle event (topic commerce.chain-transactions, key command id), marked
/// for the command's requester under that requester's key (<see cref="ChainUpdateMac"/>): the grains that asked act only
/// on the executor's marked word. A command no requester's HMAC verified gets no mark.
/// </summary>
public sealed class LifecycleEvents(CommandPolicy policy)
{
    public OutboxWrite Create(ExecutorCommand command, string stage, DateTimeOffset now,
        TransactionAttempt? attempt = null, string? replacedHash = null, string? reason = null)
    {
        attempt ??= command.Attempts.Count > 0 ? command.Latest : null;
        var payload = new ChainTransactionUpdated(
            command.CommandId, stage, command.Sender.ToString(), command.Nonce,
            stage is ChainTransactionUpdated.Mined or ChainTransactionUpdated.Confirmed ? command.MinedHash ?? attempt?.Hash : attempt?.Hash,
            replacedHash,
            stage is ChainTransactionUpdated.Mined or ChainTransactionUpdated.Confirmed or ChainTransactionUpdated.Failed or ChainTransactionUpdated.Reorged ? command.BlockNumber : null,
            stage is ChainTransactionUpdated.Mined or ChainTransactionUpdated.Confirmed or ChainTransactionUpdated.Failed or ChainTransactionUpdated.Reorged ? command.BlockHash : null,
            attempt is null ? null : StoredRows.Text(attempt.MaxFeePerGas),
            reason,
            now);
        if (command.Requester is { } requester && policy.KeyOf(requester) is { } key)
            payload = ChainUpdateMac.Sign(payload, requester, key);
        var envelope = EventEnvelope.Create(command.CommandId, payload, now, correlationId: command.CommandId);
        return new OutboxWrite(TopicCatalog.ChainTransactions.Name, command.CommandId, EnvelopeSerializer.Serialize(envelope));
    }
}
