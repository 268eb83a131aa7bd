using Commerce.Events.Chain;
using Commerce.Events.Orders;
using Commerce.Payments.Delivery;
using Commerce.Payments.Deposits;
using Commerce.Payments.Watcher;

namespace Commerce.Payments.Tests.Custody;

/// <summary>Deposit report ids, and the executor's lifecycle events mapped to their orders.</summary>
public sealed class CustodyIdsAndMappingTests
{
    private const string Tx = "0xaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private const string BlockA = "0x1111111111111111111111111111111111111111111111111111111111111111";
    private const string OrderId = "0x2222222222222222222222222222222222222222222222222222222222222222";

    /// <summary>Pinned (computed independently: SHA-256 of "deposit|tx|stage|block", first 16 bytes, version 8).</summary>
    [Theory]
    [InlineData(ObservationStage.Observed, "3a5b081c-2325-86ca-adb8-3c337f0e6a51")]
    [InlineData(ObservationStage.Confirmed, "8e4c7d43-b585-8942-9773-711f8d414170")]
    [InlineData(ObservationStage.Reorged, "618490bc-c384-8fd0-985b-cf92125bf9c1")]
    public void A_deposit_report_id_is_sha256_of_tx_stage_and_block(ObservationStage stage, string expected)
    {
        Assert.Equal(Guid.Parse(expected), DepositEventIds.For(Tx, stage, BlockA));
        Assert.Equal(Guid.Parse(expected), DepositEventIds.For(Tx.ToUpperInvariant().Replace("0X", "0x", StringComparison.Ordinal), stage, BlockA.ToUpperInvariant()));
    }

    [Fact]
    public void A_routed_delivery_id_is_fixed_by_the_lifecycle_record_it_comes_from() =>
        Assert.Equal(Guid.Parse("3c11e4ad-967c-81b7-bf24-cc5aa7ecc910"), DeliveryMapping.EventId(Guid.Parse("0193f3e4-1111-7000-8000-000000000001")));

    [Theory]
    [InlineData("order:" + OrderId + ":mint", OrderId)]
    [InlineData("order:" + OrderId + ":default:2", OrderId)]
    [InlineData("order:" + OrderId, OrderId)]
    [InlineData("order:", null)]
    [InlineData("order::mint", null)]
    [InlineData("airdrop:7", null)]
    [InlineData("Order:" + OrderId + ":mint", null)]
    public void The_order_is_read_from_the_command_id(string commandId, string? orderId) =>
        Assert.Equal(orderId, DeliveryMapping.OrderIdOf(commandId));

    [Fact]
    public void A_lifecycle_event_becomes_a_delivery_update_carrying_the_reason_or_the_transaction()
    {
        var at = DateTimeOffset.UnixEpoch;
        var mined = new ChainTransactionUpdated($"order:{OrderId}:mint", ChainTransactionUpdated.Mined, "0xhot", 4, Tx, null, 12, BlockA, "1", null, at);
        Assert.Equal(new DeliveryUpdated(OrderId, $"order:{OrderId}:mint", "mined", $"tx {Tx} in block 12") { TransactionHash = Tx }, DeliveryMapping.Map(mined));
        var failed = mined with { Stage = ChainTransactionUpdated.Failed, Reason = "reverted" };
        Assert.Equal(new DeliveryUpdated(OrderId, $"order:{OrderId}:mint", "failed", "reverted") { TransactionHash = Tx, Reason = "reverted" }, DeliveryMapping.Map(failed));
        var submitted = mined with { Stage = ChainTransactionUpdated.Submitted, BlockNumber = null, BlockHash = null };
        Assert.Equal($"tx {Tx}", DeliveryMapping.Map(submitted)!.Detail);
        Assert.Null(DeliveryMapping.Map(mined with { CommandId = "bench:1" }));
    }

    [Fact]
    public void A_withdrawals_lifecycle_event_is_routed_with_the_executors_mark_which_the_account_can_check_and_nobody_can_move()
    {
        var key = System.Security.Cryptography.SHA256.HashData("payments-tests-custody-command-key"u8);
        const string Wallet = "0x3333333333333333333333333333333333333333";
        var commandId = Commerce.Actors.Custody.CustodyAccountGrain.WithdrawalCommandId(Wallet, "w-1");
        var word = new ChainTransactionUpdated(commandId, ChainTransactionUpdated.Failed, "0xhot", 4, Tx, null, 12, BlockA, "1", "reverted", DateTimeOffset.UnixEpoch);
        var marked = ChainUpdateMac.Sign(word, ChainCommandKinds.CustodyRequester, key);

        var routed = WithdrawalMapping.Map(marked)!;

        Assert.Equal((Wallet, commandId, "failed", Tx, "reverted", marked.ExecutorMac), (routed.Wallet, routed.CommandId, routed.Stage, routed.TransactionHash, routed.Detail, routed.ExecutorMac));
        Assert.True(Commerce.Events.Custody.WithdrawalUpdateMac.Verify(routed, key), "the routed copy carries the executor's mark");
        Assert.False(Commerce.Events.Custody.WithdrawalUpdateMac.Verify(routed with { Stage = ChainTransactionUpdated.Confirmed }, key), "stage changed on the way");
        Assert.False(Commerce.Events.Custody.WithdrawalUpdateMac.Verify(routed with { Detail = null }, key), "detail changed on the way");
        Assert.False(Commerce.Events.Custody.WithdrawalUpdateMac.Verify(WithdrawalMapping.Map(word)!, key), "an unmarked word routes unmarked");
        var forOrders = ChainUpdateMac.Sign(word, ChainCommandKinds.OrdersRequester, key);
        Assert.False(Commerce.Events.Custody.WithdrawalUpdateMac.Verify(WithdrawalMapping.Map(forOrders)!, key), "marked for another requester");
    }

    [Fact]
    public void An_orders_lifecycle_event_is_routed_with_the_executors_mark_which_the_order_can_check_and_nobody_can_move()
    {
        var key = System.Security.Cryptography.SHA256.HashData("payments-tests-orders-command-key"u8);
        var word = new ChainTransactionUpdated($"order:{OrderId}:mint", ChainTransactionUpdated.Confirmed, "0xhot", 4, Tx, null, 12, BlockA, "1", null, DateTimeOffset.UnixEpoch);
        var marked = ChainUpdateMac.Sign(word, ChainCommandKinds.OrdersRequester, key);

        var routed = DeliveryMapping.Map(marked)!;

        Assert.Equal(marked.ExecutorMac, routed.ExecutorMac);
        Assert.True(DeliveryUpdateMac.Verify(routed, key), "the routed copy carries the executor's mark");
        Assert.False(DeliveryUpdateMac.Verify(routed with { Status = ChainTransactionUpdated.Failed }, key), "status changed on the way");
        Assert.False(DeliveryUpdateMac.Verify(routed with { Reason = "reverted" }, key), "a reason added on the way");
        Assert.False(DeliveryUpdateMac.Verify(routed with { TransactionHash = null }, key), "the hash dropped on the way");
        Assert.False(DeliveryUpdateMac.Verify(DeliveryMapping.Map(word)!, key), "an unmarked word routes unmarked");
        Assert.False(DeliveryUpdateMac.Verify(DeliveryMapping.Map(ChainUpdateMac.Sign(word, ChainCommandKinds.CustodyRequester, key))!, key), "marked for another requester");
    }
}
