namespace Commerce.Events.Chain;

/// <summary>
/// The transaction of one executor command reached a stage: submitted, replaced (higher fees or a
/// cancelling no-op, <see cref="ReplacedHash"/> names the one it replaces), mined, confirmed (at the
/// configured depth on a block still canonical), failed (<see cref="Reason"/> says why; the
/// command has no effect beyond fees) or reorged (its block left the canonical chain; it is
/// re-submitted). Amounts are decimal strings of wei. Key: command id.
/// </summary>
public sealed record ChainTransactionUpdated(
    string CommandId,
    string Stage,
    string Sender,
    ulong? Nonce,
    string? TransactionHash,
    string? ReplacedHash,
    ulong? BlockNumber,
    string? BlockHash,
    string? MaxFeePerGasWei,
    string? Reason,
    DateTimeOffset At) : IEvent
{
    public const string Submitted = "submitted";
    public const string Replaced = "replaced";
    public const string Mined = "mined";
    public const string Confirmed = "confirmed";
    public const string Failed = "failed";
    public const string Reorged = "reorged";
}
