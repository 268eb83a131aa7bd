using System.Net;
using System.Net.Http.Json;
using System.Numerics;
using System.Text.Json;
using Commerce.Actors.Orders;
using Commerce.Actors.Serialization;
using Commerce.Chain.Contracts;
using Commerce.Chain.Crypto;
using Commerce.Chain.Hex;
using Commerce.Host.Auth;
using Commerce.Testing;

namespace Commerce.Host.Tests;

/// <summary>
/// An operator refunds a completed wallet purchase through the Checkout (docs/ORDERS.md, "Refunds"): POST
/// /api/admin/orders/{orderId}/refund, the order grain asks the executor for Checkout.refund once, the watcher sees the
/// Refunded log at depth and the order becomes refunded; the buyer has its money back and keeps the item.
/// </summary>
public sealed partial class WalletPaymentTests
{
    [Fact]
    public async Task An_operator_refunds_a_completed_order_through_the_checkout_once_and_the_order_becomes_refunded()
    {
        var key = EthPrivateKey.Generate();
        var (player, playerId) = await SignInFundedAsync(key);
        var price = Wei / 100;
        var orderId = await PlaceAsync(player, "dragons:6", platform.PlatformQuote(playerId, "dragons:6", "ETH", (UInt128)price), "eth");
        await SendAsync(key, await StepsAsync(player, orderId));
        await WaitForStatusAsync(player, orderId, "completed");
        var before = await platform.Chain.Eth.GetBalanceAsync(key.Address);
        var operators = platform.StaffClient(Roles.Operator);

        var first = await operators.PostAsJsonAsync($"/api/admin/orders/{orderId}/refund", new { reason = "the item never reached the game" });
        var again = await platform.StaffClient(Roles.Operator).PostAsJsonAsync($"/api/admin/orders/{orderId}/refund", new { reason = "asked twice" });

        Assert.Equal((HttpStatusCode.Accepted, HttpStatusCode.Accepted), (first.StatusCode, again.StatusCode));
        var asked = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(OrderGrain.RefundCommandId(orderId), asked.GetProperty("commandId").GetString());
        Assert.Equal("the item never reached the game", asked.GetProperty("reason").GetString());
        Assert.Equal(asked.ToString(), (await again.Content.ReadFromJsonAsync<JsonElement>()).ToString());

        await WaitForStatusAsync(player, orderId, "refunded");
        var purchase = await platform.Chain.Checkout.GetPurchaseAsync(HexString.Decode(orderId));
        Assert.Equal(PurchaseStatus.Refunded, purchase.Status);
        Assert.Equal(before + price, await platform.Chain.Eth.GetBalanceAsync(key.Address));
        Assert.Equal(key.Address, await platform.Chain.Collections["dragons"].OwnerOfAsync(6));
        var stored = await platform.Store.LoadStateAsync(OrderGrain.TypeName, orderId, CancellationToken.None);
        var order = JsonSerializer.Deserialize(stored!.Json, GrainJsonContext.Default.OrderState)!;
        Assert.Equal((OrderGrain.RefundCommandId(orderId), 1, (string?)null), (order.Refund!.CommandId, order.Refund.Attempt, order.Refund.FailedBecause));
        Assert.Contains("the item never reached the game", Assert.Single(order.History, h => h.To == OrderStatus.Refunded && h.From == OrderStatus.Completed).Detail);

        var late = await operators.PostAsJsonAsync($"/api/admin/orders/{orderId}/refund", new { reason = "once more" });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
    }
}
