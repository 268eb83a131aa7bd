using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Commerce.Chain.Contracts.Messages;
using Commerce.Chain.Crypto;
using Commerce.Chain.Hex;

namespace Commerce.Host.Tests;

/// <summary>Paying an installment plan off early from the player's wallet (docs/ORDERS.md "Paying off early"), on the dev chain.</summary>
public sealed partial class WalletPaymentTests
{
    [Fact]
    public async Task A_plan_paid_off_early_sends_the_remainder_at_once_completes_and_asks_nothing_more()
    {
        var key = EthPrivateKey.Generate();
        var (player, playerId) = await SignInFundedAsync(key);
        var price = Wei / 25; // 0.04 ETH in 4: 0.01 down, then 0.03 at once
        var full = platform.PlatformQuote(playerId, "blades:4", "ETH", (UInt128)price);
        var plan = JsonNode.Parse(await (await player.PostAsJsonAsync("/api/me/quotes/installments",
            new JsonObject { ["quote"] = full["quote"]!.DeepClone(), ["signature"] = full["signature"]!.DeepClone(), ["installments"] = 4 }))
            .Content.ReadAsStringAsync())!.AsObject();
        var orderId = await PlaceAsync(player, "blades:4", plan, "installments");
        var down = await StepsAsync(player, orderId); // the order is placed (202 only accepted it) and its item held
        var early = await player.GetAsync($"/api/me/orders/{orderId}/payoff");
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode); // not a plan yet: nothing to pay off
        Assert.True(JsonDocument.Parse(await early.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty("orderId", out _));

        await SendAsync(key, down);
        await WaitForStatusAsync(player, orderId, "plan-active");
        var payoff = await player.GetFromJsonAsync<JsonElement>($"/api/me/orders/{orderId}/payoff");
        var step = Assert.Single(payoff.GetProperty("steps").EnumerateArray());
        var remainder = price - price / 4;
        Assert.Equal(remainder.ToString(CultureInfo.InvariantCulture), payoff.GetProperty("due").GetString());
        Assert.Equal(remainder.ToString(CultureInfo.InvariantCulture), step.GetProperty("value").GetString());
        Assert.Equal(HexString.Encode(Nethereum.Contracts.FunctionMessageExtensions.GetCallData(new CheckoutFunctions.PayOff { PurchaseId = HexString.Decode(orderId) })),
            step.GetProperty("data").GetString());
        await SendAsync(key, payoff);
        await WaitForStatusAsync(player, orderId, "completed");

        Assert.Equal(key.Address, await platform.Chain.Collections["blades"].OwnerOfAsync(4));
        var order = await player.GetFromJsonAsync<JsonElement>($"/api/me/orders/{orderId}");
        Assert.Equal(price.ToString(CultureInfo.InvariantCulture), order.GetProperty("totalPaid").GetString());
        Assert.Contains(order.GetProperty("history").EnumerateArray(), h => h.GetProperty("detail").GetString()?.Contains("paid off early", StringComparison.Ordinal) == true);
        // Asked again: nothing left to pay, no steps (a second payOff would revert PlanNotActive on chain).
        var again = await player.GetFromJsonAsync<JsonElement>($"/api/me/orders/{orderId}/payoff");
        Assert.Empty(again.GetProperty("steps").EnumerateArray());
        var (other, _) = await SignInFundedAsync(EthPrivateKey.Generate());
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/me/orders/{orderId}/payoff")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await player.GetAsync("/api/me/orders/0x12/payoff")).StatusCode);
    }
}
