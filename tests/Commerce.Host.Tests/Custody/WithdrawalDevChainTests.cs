using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Numerics;
using System.Text.Json;
using Commerce.Chain.Contracts;
using Commerce.Chain.Crypto;
using Commerce.Testing;

namespace Commerce.Host.Tests.Custody;

/// <summary>
/// Withdrawing a custodial balance on the embedded dev chain (docs/ORDERS.md, "Withdrawing"): the player tops up, then
/// POST /api/me/withdrawals; the custody account debits once per Idempotency-Key and the executor sends one plain
/// transfer from the hot wallet to the player's wallet. A transfer the executor refuses gives the amount back once;
/// nobody withdraws another player's balance.
/// </summary>
public sealed class WithdrawalDevChainTests(ChainPlatformFixture platform) : IClassFixture<ChainPlatformFixture>
{
    private static readonly BigInteger Ether = BigInteger.Pow(10, 18);

    [Fact]
    public async Task A_withdrawal_retried_moves_the_money_once_to_the_players_wallet_on_chain()
    {
        var (key, player, custody) = await FundedPlayerAsync();
        var topUp = Ether / 20;
        await TopUpAsync(key, player, custody, topUp);
        var walletBefore = await platform.Chain.Eth.GetBalanceAsync(key.Address);
        var amount = Ether / 50; // 0.02 ETH, under the executor's cap

        var first = await WithdrawAsync(player, "wd-1", amount);
        var retry = await WithdrawAsync(player, "wd-1", amount);
        Assert.Equal(HttpStatusCode.Accepted, first.Status);
        Assert.Equal(HttpStatusCode.Accepted, retry.Status);
        Assert.Equal(first.Body.GetProperty("withdrawalId").GetString(), retry.Body.GetProperty("withdrawalId").GetString());

        var done = await WithdrawalAsync(player, "wd-1", "completed");
        var tx = await platform.Chain.Eth.GetTransactionByHashAsync(done.GetProperty("txHash").GetString()!);
        Assert.NotNull(tx);
        Assert.Equal((key.Address, amount), (tx.To, tx.Value));
        Assert.Equal(walletBefore + amount, await platform.Chain.Eth.GetBalanceAsync(key.Address));
        var balance = await player.GetFromJsonAsync<JsonElement>("/api/me/balance");
        Assert.Equal((topUp - amount).ToString(CultureInfo.InvariantCulture), balance.GetProperty("balances").GetProperty("ETH").GetString());
        Assert.Single((await player.GetFromJsonAsync<JsonElement>("/api/me/withdrawals")).EnumerateArray());

        // The same key for another amount is a reuse, not a second withdrawal.
        var reused = await WithdrawAsync(player, "wd-1", amount + 1);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.Status);
        Assert.True(reused.Body.GetProperty("errors").TryGetProperty("Idempotency-Key", out _), reused.Body.ToString());
    }

    [Fact]
    public async Task A_withdrawal_the_executor_refuses_gives_the_balance_back_exactly_once()
    {
        var (key, player, custody) = await FundedPlayerAsync();
        var topUp = Ether / 10;
        await TopUpAsync(key, player, custody, topUp);
        var walletBefore = await platform.Chain.Eth.GetBalanceAsync(key.Address);
        var amount = Ether / 25; // 0.04 ETH: within the account's limit, above the executor's cap

        Assert.Equal(HttpStatusCode.Accepted, (await WithdrawAsync(player, "wd-over-cap", amount)).Status);
        var failed = await WithdrawalAsync(player, "wd-over-cap", "failed");
        Assert.Contains("valueWei", failed.GetProperty("reason").GetString());

        var balance = await player.GetFromJsonAsync<JsonElement>("/api/me/balance");
        Assert.Equal(topUp.ToString(CultureInfo.InvariantCulture), balance.GetProperty("balances").GetProperty("ETH").GetString());
        Assert.Equal(walletBefore, await platform.Chain.Eth.GetBalanceAsync(key.Address));
        // Asked again under the same key: answered as it ended, nothing debited again.
        var again = await WithdrawAsync(player, "wd-over-cap", amount);
        Assert.Equal("failed", again.Body.GetProperty("status").GetString());
        balance = await player.GetFromJsonAsync<JsonElement>("/api/me/balance");
        Assert.Equal(topUp.ToString(CultureInfo.InvariantCulture), balance.GetProperty("balances").GetProperty("ETH").GetString());
    }

    [Fact]
    public async Task A_player_cannot_withdraw_to_another_wallet_nor_touch_another_players_balance()
    {
        var (key, owner, custody) = await FundedPlayerAsync();
        await TopUpAsync(key, owner, custody, Ether / 20);
        var (_, thief, _) = await FundedPlayerAsync();

        var elsewhere = await PostAsync(owner, "to-1", new { amount = "1000", to = "0x000000000000000000000000000000000000dEaD" });
        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.Status);
        Assert.True(elsewhere.Body.GetProperty("errors").TryGetProperty("to", out _), elsewhere.Body.ToString());
        var theirs = await PostAsync(thief, "steal-1", new { amount = "1000", to = key.Address.ToString() });
        Assert.Equal(HttpStatusCode.Forbidden, theirs.Status);
        var empty = await WithdrawAsync(thief, "steal-2", 1000);
        Assert.Equal(HttpStatusCode.Conflict, empty.Status);
        Assert.Contains("insufficient balance", empty.Body.GetProperty("errors").GetProperty("amount")[0].GetString());

        var balance = await owner.GetFromJsonAsync<JsonElement>("/api/me/balance");
        Assert.Equal((Ether / 20).ToString(CultureInfo.InvariantCulture), balance.GetProperty("balances").GetProperty("ETH").GetString());
        Assert.Empty((await owner.GetFromJsonAsync<JsonElement>("/api/me/withdrawals")).EnumerateArray());
    }

    [Theory]
    [InlineData(null, "{\"amount\":\"1000\"}", "Idempotency-Key")]
    [InlineData("bad key!", "{\"amount\":\"1000\"}", "Idempotency-Key")]
    [InlineData("k1", "{}", "amount")]
    [InlineData("k2", "{\"amount\":\"-1\"}", "amount")]
    [InlineData("k3", "{\"amount\":\"0\"}", "amount")]
    [InlineData("k4", "{\"amount\":\"1.5\"}", "amount")]
    [InlineData("k5", "{\"amount\":\"1000\",\"to\":\"0x12\"}", "to")]
    public async Task Bad_input_is_a_400_naming_the_field_and_moves_nothing(string? idempotencyKey, string json, string field)
    {
        var (_, player, _) = await FundedPlayerAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/me/withdrawals") { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        if (idempotencyKey is not null)
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        var response = await player.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"expected 400 naming {field}, got {(int)response.StatusCode}: {text}");
        Assert.True(JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty(field, out _), $"expected errors.{field}: {text}");
        Assert.Empty((await player.GetFromJsonAsync<JsonElement>("/api/me/withdrawals")).EnumerateArray());
    }

    private async Task<(EthPrivateKey Key, HttpClient Player, EthAddress Custody)> FundedPlayerAsync()
    {
        var key = EthPrivateKey.Generate();
        var (player, _) = await platform.SignInAsync(key);
        Assert.Equal(HttpStatusCode.OK, (await player.PostAsync("/api/dev/faucet", null)).StatusCode);
        var balance = await player.GetFromJsonAsync<JsonElement>("/api/me/balance");
        return (key, player, EthAddress.Parse(balance.GetProperty("custody").GetString()));
    }

    private async Task TopUpAsync(EthPrivateKey key, HttpClient player, EthAddress custody, BigInteger amount)
    {
        await platform.Wallet(key).SendAsync(new ContractCall { To = custody, Data = [], Value = amount, Description = "top up" });
        JsonElement balance = default;
        await Eventually.Until(async () =>
        {
            balance = await player.GetFromJsonAsync<JsonElement>("/api/me/balance");
            return balance.GetProperty("balances").GetProperty("ETH").GetString() == amount.ToString(CultureInfo.InvariantCulture);
        }, ChainPlatformFixture.Deadline, () => $"the top-up of {amount} wei credited; balance {balance}");
    }

    private static Task<(HttpStatusCode Status, JsonElement Body)> WithdrawAsync(HttpClient player, string key, BigInteger amount) =>
        PostAsync(player, key, new { amount = amount.ToString(CultureInfo.InvariantCulture) });

    private static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(HttpClient player, string key, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/me/withdrawals") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        var response = await player.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private static async Task<JsonElement> WithdrawalAsync(HttpClient player, string withdrawalId, string status)
    {
        JsonElement list = default;
        JsonElement found = default;
        await Eventually.Until(async () =>
        {
            list = await player.GetFromJsonAsync<JsonElement>("/api/me/withdrawals");
            found = list.EnumerateArray().FirstOrDefault(w => w.GetProperty("withdrawalId").GetString() == withdrawalId);
            return found.ValueKind == JsonValueKind.Object && found.GetProperty("status").GetString() == status;
        }, ChainPlatformFixture.Deadline, () => $"withdrawal {withdrawalId} to be {status}; withdrawals: {list}");
        return found;
    }
}
