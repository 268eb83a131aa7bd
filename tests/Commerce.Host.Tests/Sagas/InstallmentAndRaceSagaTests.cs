using System.Net;
using System.Net.Http.Json;
using System.Numerics;
using System.Text.Json;
using Commerce.Actors.NftItem;
using Commerce.Actors.Orders;
using Commerce.Chain.Contracts;
using Commerce.Chain.Crypto;
using Commerce.Chain.JsonRpc;
using Commerce.Testing;

namespace Commerce.Host.Tests.Sagas;

/// <summary>
/// Orders through the HTTP API, paid by the players' own wallets on a real Anvil chain (1 s blocks), followed by the
/// Checkout watcher and acted on by the executor: installment plans paid to the end or left to default, and two
/// players racing for one unique item (docs/ORDERS.md).
/// </summary>
[Collection(SagaCollection.Name)]
public sealed class InstallmentAndRaceSagaTests(SagaPlatform platform) : IClassFixture<SagaPlatform>
{
    private static readonly BigInteger Finney = BigInteger.Pow(10, 15);

    private SagaChain Chain => platform.Chain;

    [Fact]
    public async Task An_installment_plan_is_reminded_before_each_deadline_and_completes_when_paid_with_the_item_released_to_the_buyer()
    {
        var key = await Chain.NewWalletAsync();
        var (player, _, token) = await platform.SignInAsync(key);
        await using var pushes = await PushClient.ConnectAsync(platform.BaseUrl, token);
        var (quote, signature) = Chain.Quote(key.Address, 2, 3 * Finney, installments: 3);
        var orderId = await SagaPlatform.PlaceAcceptedAsync(player, quote, signature, "installments");
        await platform.WaitForOrderAsync(orderId, s => s.Status == OrderStatus.Reserved, "to be reserved");

        var wallet = Chain.Sender(key);
        await Chain.Checkout.PurchaseAsync(wallet, quote, signature);
        var order = await platform.WaitForOrderAsync(orderId, s => s.Status == OrderStatus.PlanActive, "to start its plan after the down payment");
        Assert.Equal(Chain.Checkout.Address, await Chain.Dragons.OwnerOfAsync(quote.TokenId)); // in escrow while the plan runs
        var item = await platform.WaitForItemAsync($"dragons:{quote.TokenId}", i => i.Status == ItemStatus.Settling, "held in escrow for the plan");
        Assert.Equal(orderId, item.Reservation!.OrderId);

        for (var k = 1; k <= 2; k++)
        {
            var deadline = order.Plan!.NextDeadline!.Value;
            Assert.Equal((long)await Chain.Checkout.NextDeadlineAsync(quote.Nonce), deadline);
            var reminder = await WaitForPushAsync(pushes, orderId, d => d.StartsWith($"installment due: installment {k} of 2,", StringComparison.Ordinal),
                $"the reminder of installment {k}");
            var seenAt = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            Assert.True(seenAt <= deadline, $"the reminder of installment {k} came at {seenAt}, after its deadline {deadline}");
            Assert.Contains($"{Finney} wei (ETH)", reminder);
            Assert.EndsWith($"(unix {deadline})", reminder);

            await Chain.Checkout.PayInstallmentAsync(wallet, quote.Nonce, Finney);
            var paid = k;
            order = await platform.WaitForOrderAsync(orderId, s => s.Status == OrderStatus.Completed || s.Plan?.PaymentsMade == paid + 1,
                $"to take installment {k}");
        }

        order = await platform.WaitForOrderAsync(orderId, s => s.Status == OrderStatus.Completed, "to complete once the plan is paid");
        Assert.Equal((3 * Finney).ToString(), order.TotalPaid);
        Assert.Equal(key.Address, await Chain.Dragons.OwnerOfAsync(quote.TokenId));
        Assert.Equal(PurchaseStatus.Completed, (await Chain.Checkout.GetPurchaseAsync(quote.Nonce)).Status);
        Assert.Equal(key.Address.ToString(), (await platform.WaitForItemAsync($"dragons:{quote.TokenId}", i => i.Status == ItemStatus.Minted, "sold to the buyer")).Owner,
            StringComparer.OrdinalIgnoreCase);
        // The marketplace is told of the delivery by a signed callback (checked by its receiver), once.
        JsonElement callback = default;
        await Eventually.Until(() => platform.Marketplace.Received.Any(r =>
                (callback = JsonDocument.Parse(r.Body).RootElement).GetProperty("data").GetProperty("orderId").GetString() == orderId),
            SagaPlatform.Deadline, () => $"a signed item.sold callback of order {orderId} at the marketplace; it has {platform.Marketplace.Received.Count}");
        Assert.Equal("item.sold", callback.GetProperty("type").GetString());
        Assert.Equal(($"dragons:{quote.TokenId}", key.Address.ToString().ToLowerInvariant()),
            (callback.GetProperty("data").GetProperty("itemId").GetString(), callback.GetProperty("data").GetProperty("owner").GetString()));
        Assert.DoesNotContain(order.History, h => h.Detail?.Contains("declareDefault", StringComparison.Ordinal) == true);
        await Eventually.Until(() => OrderStatuses(pushes, orderId).Contains(OrderStatus.Completed), SagaPlatform.Deadline,
            () => $"a completed push; got [{string.Join(", ", OrderStatuses(pushes, orderId))}]");
    }

    [Fact]
    public async Task A_plan_left_unpaid_is_declared_in_default_once_by_the_executor_and_the_buyer_gets_90_percent_back_on_chain()
    {
        var key = await Chain.NewWalletAsync();
        var (player, _, token) = await platform.SignInAsync(key);
        await using var pushes = await PushClient.ConnectAsync(platform.BaseUrl, token);
        var (quote, signature) = Chain.Quote(key.Address, 3, 2 * Finney, installments: 2);
        var orderId = await SagaPlatform.PlaceAcceptedAsync(player, quote, signature, "installments");
        await platform.WaitForOrderAsync(orderId, s => s.Status == OrderStatus.Reserved, "to be reserved");

        await Chain.Checkout.PurchaseAsync(Chain.Sender(key), quote, signature);
        await platform.WaitForOrderAsync(orderId, s => s.Status == OrderStatus.PlanActive, "to start its plan after the down payment");
        var afterDownPayment = await Chain.Eth.GetBalanceAsync(key.Address);

        await WaitForPushAsync(pushes, orderId, d => d.StartsWith("installment due: installment 1 of 1,", StringComparison.Ordinal), "the reminder of installment 1");
        var order = await platform.WaitForOrderAsync(orderId, s => s.Status == OrderStatus.Defaulted, "to end defaulted after its deadline passed unpaid");

        var defaults = (await Chain.CheckoutEventsOfAsync(orderId)).OfType<CheckoutPlanDefaulted>().ToList();
        var declared = Assert.Single(defaults);
        Assert.Equal(Chain.HotWallet.Address, declared.DeclaredBy);
        var (refund, penalty) = InstallmentSchedule.DefaultRefund(Finney);
        Assert.Equal((Finney * 9 / 10, Finney / 10), (refund, penalty));
        Assert.Equal(refund, declared.Refund);
        Assert.Equal(refund, await Chain.Eth.GetBalanceAsync(key.Address) - afterDownPayment); // the buyer sent nothing since: exactly the refund arrived
        Assert.Equal(Chain.Checkout.Address, await Chain.Dragons.OwnerOfAsync(quote.TokenId));
        Assert.False(await Chain.Checkout.InEscrowAsync(Chain.Dragons.Address, quote.TokenId));
        var item = await platform.WaitForItemAsync($"dragons:{quote.TokenId}", i => i.Status == ItemStatus.Available, "for sale again after the default");
        Assert.Null(item.Reservation);
        Assert.Equal(PurchaseStatus.Defaulted, (await Chain.Checkout.GetPurchaseAsync(quote.Nonce)).Status);
        Assert.Single(order.History, h => h.Detail?.Contains($"declareDefault asked (order:{orderId}:default)", StringComparison.Ordinal) == true);
        await Eventually.Until(() => OrderStatuses(pushes, orderId).Contains(OrderStatus.Defaulted), SagaPlatform.Deadline,
            () => $"a defaulted push; got [{string.Join(", ", OrderStatuses(pushes, orderId))}]");
    }

    [Fact]
    public async Task Two_players_ordering_one_unique_item_at_the_same_instant_end_one_completed_one_cancelled_and_the_item_is_minted_once()
    {
        var keys = new[] { await Chain.NewWalletAsync(), await Chain.NewWalletAsync() };
        var players = new List<(HttpClient Client, EthPrivateKey Key, CheckoutQuote Quote, byte[] Signature)>();
        foreach (var key in keys)
        {
            var (client, _, _) = await platform.SignInAsync(key);
            var (quote, signature) = Chain.Quote(key.Address, 1, Finney);
            players.Add((client, key, quote, signature));
        }

        using var start = new Barrier(2);
        var placing = players.Select(p => Task.Run(() =>
        {
            start.SignalAndWait();
            return SagaPlatform.PlaceAcceptedAsync(p.Client, p.Quote, p.Signature, "eth");
        })).ToList();
        var orderIds = await Task.WhenAll(placing);

        var settled = new List<OrderState>();
        foreach (var id in orderIds)
            settled.Add(await platform.WaitForOrderAsync(id, s => s.Status is OrderStatus.Reserved or OrderStatus.Cancelled, "to be reserved or cancelled"));
        Assert.Equal([OrderStatus.Cancelled, OrderStatus.Reserved], settled.Select(s => s.Status).Order());
        var winner = settled.FindIndex(s => s.Status == OrderStatus.Reserved);
        var loser = 1 - winner;
        Assert.Contains(settled[loser].History, h => h.Event == "ReservationRefused" && h.To == OrderStatus.Cancelled);

        await Chain.Checkout.PurchaseAsync(Chain.Sender(players[winner].Key), players[winner].Quote, players[winner].Signature);
        await platform.WaitForOrderAsync(orderIds[winner], s => s.Status == OrderStatus.Completed, "the winner's order to complete");

        // The loser's wallet cannot buy the item either: the chain refuses a token it already minted to someone else.
        var refused = await Assert.ThrowsAsync<ContractRevertException>(() =>
            Chain.Checkout.PurchaseAsync(Chain.Sender(players[loser].Key), players[loser].Quote, players[loser].Signature));
        Assert.Equal("ItemNotForSale", refused.ErrorName);
        Assert.Equal(1, await Chain.MintsOfAsync(1));
        Assert.Equal(players[winner].Key.Address, await Chain.Dragons.OwnerOfAsync(1));
        Assert.Equal(OrderStatus.Cancelled, (await platform.WaitForOrderAsync(orderIds[loser], _ => true, "to be stored")).Status);
    }

    [Fact]
    public async Task A_purchase_confirmed_for_an_order_already_cancelled_completes_it_the_chain_sold_the_item()
    {
        // The holder reserves dragons:4; the other player's order for it is refused at once, but its wallet pays anyway
        // and the Checkout sells it the token: the sale stands (a refund would leave it the item and the money).
        var holderKey = await Chain.NewWalletAsync();
        var lateKey = await Chain.NewWalletAsync();
        var (holder, _, _) = await platform.SignInAsync(holderKey);
        var (late, _, token) = await platform.SignInAsync(lateKey);
        await using var pushes = await PushClient.ConnectAsync(platform.BaseUrl, token);
        var (held, heldSignature) = Chain.Quote(holderKey.Address, 4, Finney);
        var heldId = await SagaPlatform.PlaceAcceptedAsync(holder, held, heldSignature, "eth");
        await platform.WaitForOrderAsync(heldId, s => s.Status == OrderStatus.Reserved, "to be reserved");
        var (quote, signature) = Chain.Quote(lateKey.Address, 4, Finney);
        var orderId = await SagaPlatform.PlaceAcceptedAsync(late, quote, signature, "eth");
        await platform.WaitForOrderAsync(orderId, s => s.Status == OrderStatus.Cancelled, "to be cancelled (the item is held by another order)");

        var before = await Chain.Eth.GetBalanceAsync(lateKey.Address);
        var receipt = await Chain.Checkout.PurchaseAsync(Chain.Sender(lateKey), quote, signature);
        Assert.True(receipt.Succeeded);
        var order = await platform.WaitForOrderAsync(orderId, s => s.Status == OrderStatus.Completed, "to complete: the chain sold the item to this buyer");
        Assert.Contains(order.History, h => h.From == OrderStatus.Cancelled && h.To == OrderStatus.Placed);
        Assert.Single(order.History, h => h.To == OrderStatus.Completed && h.From != h.To);
        await Eventually.Until(() => OrderStatuses(pushes, orderId).Contains(OrderStatus.Completed), SagaPlatform.Deadline,
            () => $"a 'completed' push for the order; got [{string.Join(", ", OrderStatuses(pushes, orderId))}]");

        Assert.Equal(lateKey.Address, await Chain.Dragons.OwnerOfAsync(4));
        Assert.Empty((await Chain.CheckoutEventsOfAsync(orderId)).OfType<CheckoutRefunded>());
        Assert.Equal(PurchaseStatus.Completed, (await Chain.Checkout.GetPurchaseAsync(quote.Nonce)).Status);
        Assert.True(before - await Chain.Eth.GetBalanceAsync(lateKey.Address) >= Finney, "the price was paid once and not given back");
        // The holder can no longer buy it (its purchase would revert): the item grain tells it, and it is cancelled.
        var holderOrder = await platform.WaitForOrderAsync(heldId, s => s.Status == OrderStatus.Cancelled, "to be cancelled (the chain sold its item to another order)");
        Assert.Contains(holderOrder.History, h => h.Event == "ReservationRefused" && h.Detail == "the item was paid for by another order");
        Assert.Equal(lateKey.Address.ToString(), (await platform.WaitForItemAsync("dragons:4", i => i.Status == ItemStatus.Minted, "sold")).Owner, StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_token_the_checkout_holds_is_sold_from_a_custodial_balance_by_its_release_and_one_owned_elsewhere_is_refused()
    {
        // The Checkout holds dragons:8 out of escrow (as a plan's default leaves it), and another wallet owns dragons:9.
        var admin = Chain.Sender(Chain.Deployer);
        await Chain.Dragons.GrantRoleAsync(admin, ContractRoles.Minter, Chain.Deployer.Address);
        await Chain.Dragons.MintAsync(admin, Chain.Checkout.Address, 8);
        var stranger = await Chain.NewWalletAsync();
        await Chain.Dragons.MintAsync(admin, stranger.Address, 9);

        var key = await Chain.NewWalletAsync();
        var (player, _, _) = await platform.SignInAsync(key);
        var custody = EthAddress.Parse((await player.GetFromJsonAsync<JsonElement>("/api/me/balance")).GetProperty("custody").GetString());
        await Chain.Sender(key).SendAsync(new ContractCall { To = custody, Data = [], Value = 5 * Finney, Description = "top up" });
        var credited = (5 * Finney).ToString(System.Globalization.CultureInfo.InvariantCulture);
        JsonElement balance = default;
        await Eventually.Until(async () => (balance = await player.GetFromJsonAsync<JsonElement>("/api/me/balance")).GetProperty("balances").GetProperty("ETH").GetString() == credited,
            SagaPlatform.Deadline, () => $"the top-up of {credited} wei credited; balance {balance}");

        var (owned, ownedSignature) = Chain.Quote(key.Address, 9, Finney);
        var refused = await SagaPlatform.PlaceAsync(player, owned, ownedSignature, "custodial", "key-owned-elsewhere");
        var refusal = await refused.Content.ReadAsStringAsync();
        Assert.True(refused.StatusCode == HttpStatusCode.Conflict, $"expected 409 for a token another wallet owns, got {(int)refused.StatusCode}: {refusal}");
        Assert.Contains(stranger.Address.ToString(), refusal);

        var (quote, signature) = Chain.Quote(key.Address, 8, Finney);
        var orderId = await SagaPlatform.PlaceAcceptedAsync(player, quote, signature, "custodial");
        var order = await platform.WaitForOrderAsync(orderId, s => s.Status == OrderStatus.Completed, "to complete by the Checkout's release of the token");
        Assert.True(order.DeliverFromCheckout);
        Assert.Contains(order.History, h => h.Detail?.Contains("releasing token 8", StringComparison.Ordinal) == true);
        Assert.Equal(key.Address, await Chain.Dragons.OwnerOfAsync(8));
        Assert.Equal(1, await Chain.MintsOfAsync(8)); // delivered by a transfer, never minted twice
        var item = await platform.WaitForItemAsync("dragons:8", i => i.Status == ItemStatus.Sold, "sold to the buyer");
        Assert.Equal(key.Address.ToString(), item.Owner, StringComparer.OrdinalIgnoreCase);
    }

    private static async Task<string> WaitForPushAsync(PushClient pushes, string orderId, Func<string, bool> detail, string what)
    {
        string? found = null;
        await Eventually.Until(() =>
        {
            found = OrderPushes(pushes, orderId).Select(p => p.Detail).FirstOrDefault(d => d is not null && detail(d));
            return found is not null;
        }, SagaPlatform.Deadline, () => $"{what} pushed as OrderUpdated; got [{string.Join(" | ", OrderPushes(pushes, orderId).Select(p => $"{p.Status}: {p.Detail}"))}]");
        return found!;
    }

    private static List<string?> OrderStatuses(PushClient pushes, string orderId) => [.. OrderPushes(pushes, orderId).Select(p => p.Status)];

    private static List<(string? Status, string? Detail)> OrderPushes(PushClient pushes, string orderId)
    {
        lock (pushes.Frames)
            return [.. pushes.Frames
                .Where(f => f.GetProperty("type").GetString() == "OrderUpdated")
                .Select(f => f.GetProperty("payload"))
                .Where(p => p.GetProperty("orderId").GetString() == orderId)
                .Select(p => (p.GetProperty("status").GetString(), p.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null))];
    }
}
