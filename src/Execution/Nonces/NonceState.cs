namespace Commerce.Execution.Nonces;

/// <summary>
/// A sender's nonces as the store and the chain see them: <see cref="StoredNext"/> is the next
/// nonce the executor will assign, <see cref="ChainLatest"/> the count of mined transactions,
/// <see cref="ChainPending"/> that count plus the node's contiguous pending ones.
/// </summary>
public sealed record NonceState(string Sender, ulong? StoredNext, ulong ChainLatest, ulong ChainPending, ulong? LowestOpen, int Open)
{
    /// <summary>Nonces the executor assigned that the node does not hold (a gap to fill), if any.</summary>
    public bool HasGap => StoredNext is { } next && ChainPending < next && Open > 0 && LowestOpen is { } low && ChainPending >= low;
}
