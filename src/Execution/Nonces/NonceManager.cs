using System.Collections.Concurrent;
using Commerce.Chain.Crypto;
using Commerce.Chain.JsonRpc;
using Commerce.Execution.Storage;

namespace Commerce.Execution.Nonces;

/// <summary>
/// Hands out each sender's nonces from the store (decision D3), one caller at a time per sender.
/// The stored next nonce only moves forward and moves in the same transaction that stores the
/// commands holding the new nonces, so a nonce is never issued twice, whatever crashes. A
/// resync takes the chain's pending count when it is ahead (someone else used the key) and never
/// goes below the stored value, which is above every nonce already issued. Nonces the node lost
/// (a gap) are re-sent or filled with a no-op by the tracker.
/// </summary>
public sealed class NonceManager(IExecutorStore store, EthClient eth)
{
    private readonly ConcurrentDictionary<EthAddress, Lane> _lanes = new();

    /// <summary>
    /// Assigns <paramref name="count"/> nonces from the returned first one. <paramref name="commit"/>
    /// gets the first nonce and the stored value it must replace, and must write the store with
    /// <see cref="AcceptedBatch.ExpectedNextNonce"/> = that value and NextNonce = first + count.
    /// </summary>
    public async Task<T> AssignAsync<T>(EthAddress sender, int count, Func<ulong, ulong?, Task<T>> commit, CancellationToken ct)
    {
        var lane = _lanes.GetOrAdd(sender, _ => new Lane());
        await lane.Gate.WaitAsync(ct);
        try
        {
            if (!lane.Loaded)
            {
                lane.Stored = await store.LoadNextNonceAsync(sender, ct);
                var chainPending = await eth.GetTransactionCountAsync(sender, BlockTag.Pending, ct);
                lane.Next = Math.Max(lane.Stored ?? 0, chainPending);
                lane.Loaded = true;
            }
            var first = lane.Next;
            T result;
            try
            {
                result = await commit(first, lane.Stored);
            }
            catch (NonceMovedException)
            {
                lane.Loaded = false;
                throw;
            }
            catch
            {
                // The commit may or may not have happened (a lost connection): read it again.
                lane.Loaded = false;
                throw;
            }
            lane.Next = first + (ulong)count;
            lane.Stored = lane.Next;
            return result;
        }
        finally
        {
            lane.Gate.Release();
        }
    }

    /// <summary>Store and chain side by side (the operator's "nonce show").</summary>
    public async Task<NonceState> ShowAsync(EthAddress sender, CancellationToken ct)
    {
        var stored = await store.LoadNextNonceAsync(sender, ct);
        return await DescribeAsync(sender, stored, ct);
    }

    /// <summary>Moves the stored next nonce up to the chain's pending count when the chain is ahead; never down.</summary>
    public async Task<NonceState> ResyncAsync(EthAddress sender, CancellationToken ct)
    {
        var lane = _lanes.GetOrAdd(sender, _ => new Lane());
        await lane.Gate.WaitAsync(ct);
        try
        {
            var stored = await store.LoadNextNonceAsync(sender, ct);
            var pending = await eth.GetTransactionCountAsync(sender, BlockTag.Pending, ct);
            if (stored is null || pending > stored)
            {
                await store.SetNextNonceAsync(sender, stored, Math.Max(stored ?? 0, pending), ct);
                stored = Math.Max(stored ?? 0, pending);
            }
            lane.Loaded = false;
            return await DescribeAsync(sender, stored, ct);
        }
        finally
        {
            lane.Gate.Release();
        }
    }

    private async Task<NonceState> DescribeAsync(EthAddress sender, ulong? stored, CancellationToken ct)
    {
        var batch = eth.Rpc.CreateBatch();
        var latest = batch.Add(EthRpc.GetTransactionCount(sender, BlockTag.Latest));
        var pending = batch.Add(EthRpc.GetTransactionCount(sender, BlockTag.Pending));
        await batch.SendAsync(ct);
        var open = await store.LoadOpenAsync(sender, null, ct);
        var unmined = open.Where(c => c.Status != CommandStatus.Mined).ToList();
        return new NonceState(sender.ToString(), stored, await latest, await pending,
            unmined.Count == 0 ? null : unmined.Min(c => c.Nonce), unmined.Count);
    }

    private sealed class Lane
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public bool Loaded { get; set; }

        public ulong? Stored { get; set; }

        public ulong Next { get; set; }
    }
}
