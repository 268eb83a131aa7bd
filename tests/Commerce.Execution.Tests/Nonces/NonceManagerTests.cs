using Commerce.Chain.Crypto;
using Commerce.Chain.JsonRpc;
using Commerce.Chain.Transactions;
using Commerce.Execution.Nonces;
using Commerce.Execution.Storage;
using Commerce.Execution.Tests.Support;

namespace Commerce.Execution.Tests.Nonces;

public sealed class NonceManagerTests : IAsyncLifetime
{
    private readonly TempSqlite _file = new();
    private AnvilNode _node = null!;
    private SqliteExecutorStore _store = null!;
    private readonly EthPrivateKey _key = AnvilNode.DevKeys[1];

    public async Task InitializeAsync()
    {
        _node = await AnvilNode.StartAsync();
        _store = new SqliteExecutorStore(_file.ConnectionString, TimeProvider.System);
        await _store.InitializeAsync(default);
    }

    public async Task DisposeAsync()
    {
        await _store.DisposeAsync();
        await _node.DisposeAsync();
        _file.Dispose();
    }

    [Fact]
    public async Task A_new_sender_starts_at_the_chains_pending_count()
    {
        await SendExternallyAsync(2);
        var manager = new NonceManager(_store, _node.Eth);

        var first = await AssignAsync(manager, 3);

        Assert.Equal(2UL, first);
        Assert.Equal(5UL, await _store.LoadNextNonceAsync(_key.Address, default));
    }

    [Fact]
    public async Task Nonces_are_never_issued_twice_across_restarts()
    {
        var before = new NonceManager(_store, _node.Eth);
        Assert.Equal(0UL, await AssignAsync(before, 3));
        Assert.Equal(3UL, await AssignAsync(before, 2));

        var afterRestart = new NonceManager(_store, _node.Eth);

        Assert.Equal(5UL, await AssignAsync(afterRestart, 1));
    }

    [Fact]
    public async Task A_commit_that_fails_gives_its_nonces_back_to_the_next_caller()
    {
        var manager = new NonceManager(_store, _node.Eth);
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            manager.AssignAsync<bool>(_key.Address, 4, (_, _) => throw new InvalidOperationException("disk full"), default));

        Assert.Equal(0UL, await AssignAsync(manager, 1));
    }

    [Fact]
    public async Task Concurrent_callers_get_disjoint_contiguous_ranges()
    {
        var manager = new NonceManager(_store, _node.Eth);

        var firsts = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => AssignAsync(manager, 5)));

        Assert.Equal(Enumerable.Range(0, 20).Select(i => (ulong)i * 5), firsts.Order());
        Assert.Equal(100UL, await _store.LoadNextNonceAsync(_key.Address, default));
    }

    [Fact]
    public async Task Resync_follows_the_chain_up_but_never_goes_below_an_issued_nonce()
    {
        var manager = new NonceManager(_store, _node.Eth);
        await AssignAsync(manager, 10); // issued 0..9, none sent: the chain is at 0

        var state = await manager.ResyncAsync(_key.Address, default);
        Assert.Equal(10UL, state.StoredNext);
        Assert.Equal(0UL, state.ChainPending);

        await using var other = new SqliteExecutorStore(_file.ConnectionString, TimeProvider.System);
        await other.InitializeAsync(default);
        await other.SetNextNonceAsync(_key.Address, 10, 1, default); // pretend the store was behind
        await SendExternallyAsync(3);

        state = await manager.ResyncAsync(_key.Address, default);

        Assert.Equal(3UL, state.StoredNext);
        Assert.Equal(3UL, await AssignAsync(manager, 1));
    }

    private Task<ulong> AssignAsync(NonceManager manager, int count) =>
        manager.AssignAsync(_key.Address, count, async (first, stored) =>
        {
            await _store.AcceptAsync(new AcceptedBatch(null, null, 0, _key.Address, stored, first + (ulong)count, [], []), default);
            return first;
        }, default);

    private async Task SendExternallyAsync(int count)
    {
        var start = await _node.Eth.GetTransactionCountAsync(_key.Address, BlockTag.Pending);
        for (var i = 0; i < count; i++)
        {
            var tx = new Eip1559Transaction
            {
                ChainId = AnvilNode.ChainId, Nonce = start + (ulong)i, MaxFeePerGas = 10_000_000_000, MaxPriorityFeePerGas = 1, GasLimit = 21_000, To = _key.Address,
            };
            await _node.Eth.SendRawTransactionAsync(tx.SignWith(_key));
        }
    }
}
