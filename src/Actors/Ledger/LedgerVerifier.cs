using Commerce.Actors.Storage;

namespace Commerce.Actors.Ledger;

/// <summary>
/// Replays the stored ledger from its first entry: sequence numbers contiguous from 1, each row's previous hash
/// equal to the hash before it, each hash recomputed from the row's content. Stops at the first break.
/// </summary>
public static class LedgerVerifier
{
    public const int PageSize = 1000;

    public static async Task<LedgerVerification> VerifyAsync(IGrainStore store, CancellationToken ct)
    {
        var previous = LedgerChain.Genesis;
        long seq = 0;
        while (true)
        {
            var page = await store.ReadLedgerAsync(seq, PageSize, ct);
            foreach (var row in page)
            {
                var expectedSeq = seq + 1;
                string? problem = null;
                if (row.Seq != expectedSeq)
                    problem = $"expected entry {expectedSeq} next, found {row.Seq} (entries removed or inserted)";
                else if (!row.PreviousHash.AsSpan().SequenceEqual(previous))
                    problem = "its previous hash is not the hash of the entry before it";
                else if (!LedgerChain.Hash(previous, row.Seq, row.Write).AsSpan().SequenceEqual(row.Hash))
                    problem = "its content does not hash to its stored hash (altered)";
                if (problem is not null)
                    return new LedgerVerification(seq, seq, previous, expectedSeq, problem);
                previous = row.Hash;
                seq = row.Seq;
            }
            if (page.Count < PageSize)
                return new LedgerVerification(seq, seq, previous, null, null);
        }
    }
}
