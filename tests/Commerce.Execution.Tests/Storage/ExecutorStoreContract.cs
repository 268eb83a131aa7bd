using System.Numerics;
using Commerce.Actors.Storage;
using Commerce.Chain.Crypto;
using Commerce.Execution.Storage;

namespace Commerce.Execution.Tests.Storage;

/// <summary>What both executor stores must do; each database runs these against a fresh schema.</summary>
public abstract class ExecutorStoreContract : IAsyncLifetime
{
    private static readonly EthAddress Sender = AddressFor("sender");
    private static readonly DateTimeOffset T0 = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    protected IExecutorStore Store { get; private set; } = null!;

    protected abstract Task<IExecutorStore> CreateStoreAsync();

    protected abstract Task DropAsync();

    public async Task InitializeAsync()
    {
        Store = await CreateStoreAsync();
        await Store.InitializeAsync(CancellationToken.None);
        await Store.InitializeAsync(CancellationToken.None); // idempotent
    }

    public async Task DisposeAsync()
    {
        if (Store is IAsyncDisposable disposable)
            await disposable.DisposeAsync();
        await DropAsync();
    }

    [Fact]
    public async Task Accepted_commands_come_back_with_their_nonce_attempts_and_cursor()
    {
        var cursor = new PartitionCursor("g", "e1", "commerce.chain-commands", 2);
        await Store.AcceptAsync(new AcceptedBatch(cursor, null, 41, Sender, null, 7, [Command("a", 5), Command("b", 6)], [Outbox("x")]), default);

        Assert.Equal(41, await Store.LoadCursorAsync(cursor, default));
        Assert.Equal(7UL, await Store.LoadNextNonceAsync(Sender, default));
        var a = await Store.LoadCommandAsync("a", default);
        Assert.NotNull(a);
        Assert.Equal(5UL, a.Nonce);
        Assert.Equal(CommandStatus.Pending, a.Status);
        Assert.Equal(new BigInteger(12345), a.Value);
        Assert.Equal(new byte[] { 1, 2, 3 }, a.Data);
        Assert.Equal(Hash("a", 1), a.Latest.Hash);
        Assert.Equal(new byte[] { 0xaa, 1 }, a.Latest.Raw);
        Assert.Equal(T0, a.Latest.CreatedAt);
        Assert.Equal(["a", "b"], (await Store.LoadOpenAsync(Sender, null, default)).Select(c => c.CommandId));
        Assert.Equal(["b"], (await Store.LoadOpenAsync(Sender, 5, default)).Select(c => c.CommandId));
        Assert.Equal(2, await Store.CountUnminedAsync(Sender, default));
        Assert.Equal(1, await Store.CountOutboxAsync(default));
        Assert.Equal(new HashSet<string> { "a" }, await Store.FindCommandsAsync(["a", "zzz"], default));
    }

    [Fact]
    public async Task A_batch_with_a_stale_nonce_writes_nothing()
    {
        await Store.AcceptAsync(new AcceptedBatch(null, null, 0, Sender, null, 1, [Command("a", 0)], []), default);

        var stale = new AcceptedBatch(null, null, 0, Sender, null, 2, [Command("b", 0)], [Outbox("x")]);
        var error = await Assert.ThrowsAsync<NonceMovedException>(() => Store.AcceptAsync(stale, default));

        Assert.Equal(1UL, error.Actual);
        Assert.Null(await Store.LoadCommandAsync("b", default));
        Assert.Equal(0, await Store.CountOutboxAsync(default));
    }

    [Fact]
    public async Task A_batch_with_a_moved_cursor_writes_nothing()
    {
        var cursor = new PartitionCursor("g", "e1", "t", 0);
        await Store.AcceptAsync(new AcceptedBatch(cursor, null, 10, Sender, null, 1, [Command("a", 0)], []), default);

        await Assert.ThrowsAsync<CursorMovedException>(() =>
            Store.AcceptAsync(new AcceptedBatch(cursor, 5, 12, Sender, 1, 2, [Command("b", 1)], []), default));

        Assert.Equal(1UL, await Store.LoadNextNonceAsync(Sender, default));
        Assert.Null(await Store.LoadCommandAsync("b", default));
    }

    [Fact]
    public async Task The_same_nonce_can_never_be_stored_for_two_commands()
    {
        await Store.AcceptAsync(new AcceptedBatch(null, null, 0, Sender, null, 1, [Command("a", 0)], []), default);

        await Assert.ThrowsAnyAsync<Exception>(() =>
            Store.AcceptAsync(new AcceptedBatch(null, null, 0, Sender, 1, 1, [Command("b", 0)], []), default));

        Assert.Null(await Store.LoadCommandAsync("b", default));
    }

    [Fact]
    public async Task Tracker_commits_move_state_add_attempts_and_final_commands_leave_the_open_set()
    {
        await Store.AcceptAsync(new AcceptedBatch(null, null, 0, Sender, null, 2, [Command("a", 0), Command("b", 1)], []), default);
        var a = (await Store.LoadCommandAsync("a", default))!;
        var bump = new TransactionAttempt(2, Hash("a", 2), [0xbb], 300, 30, false, T0.AddSeconds(60));

        await Store.CommitAsync(new TrackerCommit(
            [a with { Status = CommandStatus.Mined, MinedHash = bump.Hash, BlockNumber = 9, BlockHash = "0xblock", Succeeded = true, LastSentAt = T0 }],
            [("a", bump)], [Outbox("mined")]), default);

        var mined = (await Store.LoadCommandAsync("a", default))!;
        Assert.Equal(CommandStatus.Mined, mined.Status);
        Assert.Equal(9UL, mined.BlockNumber);
        Assert.Equal(true, mined.Succeeded);
        Assert.Equal([Hash("a", 1), Hash("a", 2)], mined.Attempts.Select(x => x.Hash));
        Assert.Equal(1, await Store.CountUnminedAsync(Sender, default));

        await Store.CommitAsync(new TrackerCommit([mined with { Status = CommandStatus.Confirmed }], [], []), default);
        Assert.Equal(["b"], (await Store.LoadOpenAsync(Sender, null, default)).Select(c => c.CommandId));
        Assert.Equal(2, (await Store.LoadAllAsync(Sender, default)).Count);
    }

    [Fact]
    public async Task Next_nonce_moves_only_from_the_expected_value()
    {
        await Store.SetNextNonceAsync(Sender, null, 4, default);
        await Store.SetNextNonceAsync(Sender, 4, 9, default);

        await Assert.ThrowsAsync<NonceMovedException>(() => Store.SetNextNonceAsync(Sender, 4, 12, default));
        Assert.Equal(9UL, await Store.LoadNextNonceAsync(Sender, default));
    }

    [Fact]
    public async Task Outbox_rows_are_leased_in_order_and_deleted_when_completed()
    {
        await Store.AcceptAsync(new AcceptedBatch(null, null, 0, Sender, null, 1, [Command("a", 0)], [Outbox("1"), Outbox("2")]), default);
        await Store.CommitAsync(new TrackerCommit([], [], [Outbox("3")]), default);

        await using (var lease = await Store.LeaseOutboxAsync(10, default))
        {
            Assert.Equal(2, lease.Records.Count);
            Assert.Equal(["1", "2"], lease.Records[0].Messages.Select(m => m.Key));
            await lease.CompleteAsync([lease.Records[0].Id], default);
        }
        await using (var lease = await Store.LeaseOutboxAsync(10, default))
            Assert.Equal(["3"], lease.Records.Single().Messages.Select(m => m.Key));
    }

    private static ExecutorCommand Command(string id, ulong nonce) => new()
    {
        CommandId = id,
        Sender = Sender,
        Nonce = nonce,
        Kind = "transfer",
        To = AddressFor("to"),
        Value = 12345,
        Data = [1, 2, 3],
        GasLimit = 21_000,
        FeeCeiling = BigInteger.Parse("200000000000"),
        Status = CommandStatus.Pending,
        CreatedAt = T0,
        Attempts = [new TransactionAttempt(1, Hash(id, 1), [0xaa, 1], 200, 20, false, T0)],
    };

    private static string Hash(string id, int attempt) => Chain.Hex.HexString.Encode(Keccak256.HashUtf8($"{id}/{attempt}"));

    private static OutboxWrite Outbox(string key) => new("commerce.chain-transactions", key, [1]);

    private static EthAddress AddressFor(string label) => EthAddress.FromBytes(Keccak256.HashUtf8(label).AsSpan(12));
}
