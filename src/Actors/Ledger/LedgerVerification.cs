namespace Commerce.Actors.Ledger;

/// <summary>
/// The result of replaying the chain: how many entries were checked, the last good hash, and the first break
/// (its seq and what is wrong), or none.
/// </summary>
public sealed record LedgerVerification(long Entries, long HeadSeq, byte[] HeadHash, long? BrokenAt, string? Problem)
{
    public bool Intact => BrokenAt is null;
}
