using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Commerce.Chain.Contracts;
using Commerce.Chain.Crypto;
using Commerce.Testing;

namespace Commerce.Host.Tests.Custody;

/// <summary>
/// The custodial payment kind as a game client uses it on the embedded dev chain (docs/ORDERS.md, "custodial"):
/// the player tops up by sending plain ETH from its own wallet to the custody address the balance names, orders
/// with paymentKind "custodial", and the platform's hot wallet mints the item to the player's wallet.
/// </summary>
public sealed class CustodialDevChainTests(ChainPlatformFixture platform) : IClassFixture<ChainPlatformFixture>
{
    private static readonly BigInteger Ether = BigInteger.Pow(10, 18);

    [Fact]
    public async Task A_player_tops_up_orders_from_its_balance_and_owns_the_minted_item_debited_once()
    {
        var key = EthPrivateKey.Generate();
        var (player, playerId) = await platform.SignInAsync(key);
        Assert.Equal(HttpStatusCode.OK, (await player.PostAsync("/api/dev/faucet", null)).StatusCode);
        var balance = await player.GetFromJsonAsync<JsonElement>("/api/me/balance");
        var custody = EthAddress.Parse(balance.GetProperty("custody").GetString());
        var chain = await platform.Http.GetFromJsonAsync<JsonElement>("/api/chain");
        Assert.Equal(custody, EthAddress.Parse(chain.GetProperty("custody").GetString()));

        var topUp = Ether / 20;
        var receipt = await platform.Wallet(key).SendAsync(new ContractCall { To = custody, Data = [], Value = topUp, Description = "top up" });
        balance = await BalanceAsync(player, b => b.GetProperty("balances").GetProperty("ETH").GetString() == topUp.ToString(CultureInfo.InvariantCulture),
            "the top-up credited once confirmed");
        var deposit = Assert.Single(balance.GetProperty("deposits").EnumerateArray());
        Assert.Equal((receipt.TransactionHash.ToLowerInvariant(), true), (deposit.GetProperty("txHash").GetString(), deposit.GetProperty("confirmed").GetBoolean()));

        var price = Ether / 100;
        var signed = platform.PlatformQuote(playerId, "skins:5", "ETH", (UInt128)price);
        var orderId = await PlaceAsync(player, "skins:5", signed);
        var order = await WaitForStatusAsync(player, orderId, "completed");

        Assert.Equal(["placed", "reserved", "paid", "delivering", "completed"],
            order.GetProperty("history").EnumerateArray().Where(h => h.GetProperty("from").GetString() != h.GetProperty("to").GetString())
                .Select(h => h.GetProperty("to").GetString()));
        Assert.Equal(key.Address, await platform.Chain.Collections["skins"].OwnerOfAsync(5));
        balance = await BalanceAsync(player, b => b.GetProperty("held").GetProperty("ETH").GetString() == "0", "nothing held after the order");
        Assert.Equal((topUp - price).ToString(CultureInfo.InvariantCulture), balance.GetProperty("balances").GetProperty("ETH").GetString());
        var payment = await player.GetFromJsonAsync<JsonElement>($"/api/me/orders/{orderId}/payment");
        Assert.Empty(payment.GetProperty("steps").EnumerateArray());
        JsonElement nfts = default;
        await Eventually.Until(async () =>
        {
            nfts = await player.GetFromJsonAsync<JsonElement>("/api/me/nfts");
            return nfts.EnumerateArray().Any(n => n.GetProperty("itemId").GetString() == "skins:5" && n.GetProperty("orderId").GetString() == orderId);
        }, ChainPlatformFixture.Deadline, () => $"/api/me/nfts to list skins:5 of order {orderId}; got {nfts}");
    }

    private static async Task<JsonElement> BalanceAsync(HttpClient player, Func<JsonElement, bool> ready, string expected)
    {
        JsonElement balance = default;
        await Eventually.Until(async () => ready(balance = await player.GetFromJsonAsync<JsonElement>("/api/me/balance")), ChainPlatformFixture.Deadline,
            () => $"{expected}; balance {balance}");
        return balance;
    }

    private static async Task<string> PlaceAsync(HttpClient player, string itemId, JsonObject signedQuote)
    {
        var body = new JsonObject
        {
            ["itemId"] = itemId,
            ["quote"] = signedQuote["quote"]!.DeepClone(),
            ["signature"] = signedQuote["signature"]!.DeepClone(),
            ["paymentKind"] = "custodial",
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/me/orders") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var response = await player.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"expected the order to be accepted: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("orderId").GetString()!;
    }

    private static async Task<JsonElement> WaitForStatusAsync(HttpClient player, string orderId, string status)
    {
        JsonElement order = default;
        await Eventually.Until(async () =>
        {
            var response = await player.GetAsync($"/api/me/orders/{orderId}");
            if (response.StatusCode != HttpStatusCode.OK)
                return false;
            order = await response.Content.ReadFromJsonAsync<JsonElement>();
            return order.GetProperty("status").GetString() == status;
        }, ChainPlatformFixture.Deadline, () => $"order {orderId} to reach {status}; last: {order}");
        return order;
    }
}
