using Orleans;

namespace Commerce.Events.Chain;

/// <summary>
/// The transaction of one executor command reached a stage: submitted, replaced (higher fees or a
/// cancelling no-op, <see cref="ReplacedHash"/> names the one it replaces), mined, confirmed (at the
/// configured depth on a block still canonical), failed (<see cref="Reason"/> says why; the
/// command has no effect beyond fees) or reorged (its block left the canonical chain; it is
/// re-submitted). Amounts are decimal strings of wei. Key: command id.
/// </summary>
/// <remarks>
/// The executor marks every update of a command whose requester's HMAC it verified: <see cref="Requester"/> names that
/// requester and <see cref="ExecutorMac"/> is <see cref="ChainUpdateMac"/> under the requester's key, so the grains that
/// asked can tell the executor's word from anyone else's who can write the topic (docs/SECURITY.md).
/// </remarks>
[GenerateSerializer, Immutable, Alias("commerce.events.ChainTransactionUpdated")]
public sealed record ChainTransactionUpdated(
    [property: Id(0)] string CommandId,
    [property: Id(1)] string Stage,
    [property: Id(2)] string Sender,
    [property: Id(3)] ulong? Nonce,
    [property: Id(4)] string? TransactionHash,
    [property: Id(5)] string? ReplacedHash,
    [property: Id(6)] ulong? BlockNumber,
    [property: Id(7)] string? BlockHash,
    [property: Id(8)] string? MaxFeePerGasWei,
    [property: Id(9)] string? Reason,
    [property: Id(10)] DateTimeOffset At) : IEvent
{
    public const string Submitted = "submitted";
    public const string Replaced = "replaced";
    public const string Mined = "mined";
    public const string Confirmed = "confirmed";
    public const string Failed = "failed";
    public const string Reorged = "reorged";

    /// <summary>The requester whose HMAC the executor verified on the command, or null (a command it could not attribute).</summary>
    [Id(11)]
    public string? Requester { get; init; }

    /// <summary>The executor's mark under the requester's key (<see cref="ChainUpdateMac"/>), or null when unattributed.</summary>
    [Id(12)]
    public string? ExecutorMac { get; init; }
}
