using Orleans;

namespace Commerce.Events.Chain;

/// <summary>
/// Something asked the transaction executor for one on-chain effect. <see cref="CommandId"/> is the
/// idempotency key: however often this record is delivered, at most one transaction with its
/// payload is mined. Amounts are decimal strings of wei, data is 0x hex. Key: command id.
/// </summary>
/// <param name="Kind">What the transaction is for: transfer, contract-call, mint, refund, ... (informational).</param>
/// <param name="To">Recipient address (0x, 20 bytes).</param>
/// <param name="ValueWei">Wei sent with the transaction ("0" for none).</param>
/// <param name="Data">Call data (0x, empty for a plain transfer).</param>
/// <param name="GasLimit">Gas limit; 0 lets the executor estimate it.</param>
/// <param name="MaxFeeCeilingWei">The most this command may pay per gas (maxFeePerGas), or null for the executor's default.</param>
/// <remarks>
/// The executor signs a command only when <see cref="Requester"/> names a component it knows and
/// <see cref="RequesterMac"/> is that component's HMAC of every field (<see cref="ChainCommandMac"/>), and only
/// what its allow-list grants that kind (docs/SECURITY.md, "What the executor signs").
/// </remarks>
[GenerateSerializer, Immutable, Alias("commerce.events.ChainCommandRequested")]
public sealed record ChainCommandRequested(
    [property: Id(0)] string CommandId,
    [property: Id(1)] string Kind,
    [property: Id(2)] string To,
    [property: Id(3)] string ValueWei,
    [property: Id(4)] string Data,
    [property: Id(5)] ulong GasLimit,
    [property: Id(6)] string? MaxFeeCeilingWei) : IEvent
{
    /// <summary>The component that asked for the command ("orders"), or null (refused by the executor).</summary>
    [Id(7)]
    public string? Requester { get; init; }

    /// <summary>Lower-case hex HMAC-SHA256 of the command under the requester's key (<see cref="ChainCommandMac"/>), or null.</summary>
    [Id(8)]
    public string? RequesterMac { get; init; }
}
