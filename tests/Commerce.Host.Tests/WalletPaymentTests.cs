using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Commerce.Chain.Contracts;
using Commerce.Chain.Crypto;
using Commerce.Chain.Hex;
using Commerce.Host.Onchain;
using Commerce.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Commerce.Chain.Abi;
using Commerce.Chain.Contracts.Messages;

namespace Commerce.Host.Tests;

/// <summary>
/// A player pays an order from its own wallet on the embedded dev chain (docs/ORDERS.md "Paying from the wallet"):
/// it asks <c>/payment</c> what to send, signs and sends each step with its own key, the Checkout watcher sees the
/// payment at depth, the order completes, and the item is the wallet's on chain.
/// </summary>
public sealed partial class WalletPaymentTests(ChainPlatformFixture platform) : IClassFixture<ChainPlatformFixture>
{
    private static readonly BigInteger Wei = BigInteger.Pow(10, 18);

    [Fact]
    public async Task An_order_paid_in_eth_from_the_players_wallet_completes_and_the_item_is_the_wallets_on_chain()
    {
        var key = EthPrivateKey.Generate();
        var (player, playerId) = await SignInFundedAsync(key);
        var price = Wei / 100; // 0.01 ETH
        var orderId = await PlaceAsync(player, "dragons:2", platform.PlatformQuote(playerId, "dragons:2", "ETH", (UInt128)price), "eth");

        var payment = await StepsAsync(player, orderId);
        Assert.Equal("reserved", payment.GetProperty("status").GetString());
        Assert.Equal(price.ToString(CultureInfo.InvariantCulture), payment.GetProperty("due").GetString());
        var step = Assert.Single(payment.GetProperty("steps").EnumerateArray());
        Assert.Equal(platform.Chain.Checkout.Address.ToString(), step.GetProperty("to").GetString());
        Assert.Equal(price.ToString(CultureInfo.InvariantCulture), step.GetProperty("value").GetString());
        Assert.StartsWith("0x" + TypedFunction<CheckoutFunctions.Purchase>.Abi.Sha3Signature, step.GetProperty("data").GetString());

        var before = await platform.Chain.Eth.GetBalanceAsync(key.Address);
        await SendAsync(key, payment);
        // Mined but (most likely) not yet confirmed: the chain already has the payment, so nothing is asked twice.
        Assert.Empty((await PaymentAsync(player, orderId)).GetProperty("steps").EnumerateArray());
        await WaitForStatusAsync(player, orderId, "completed");

        Assert.Equal(key.Address, await platform.Chain.Collections["dragons"].OwnerOfAsync(2));
        Assert.True(before - await platform.Chain.Eth.GetBalanceAsync(key.Address) >= price, "the wallet paid at least the price (plus gas)");
        var purchase = await platform.Chain.Checkout.GetPurchaseAsync(HexString.Decode(orderId));
        Assert.Equal((PurchaseStatus.Completed, price, key.Address), (purchase.Status, purchase.Paid, purchase.Buyer));
        Assert.Empty((await PaymentAsync(player, orderId)).GetProperty("steps").EnumerateArray());
        await AssertOwnsAsync(player, "dragons:2", orderId);
    }

    [Fact]
    public async Task The_nft_listing_reads_the_chain_in_bounded_ranges_and_then_only_the_blocks_since_the_wallets_last_listing()
    {
        var key = EthPrivateKey.Generate();
        var (player, playerId) = await SignInFundedAsync(key);
        var nfts = platform.Services.GetRequiredService<NftOwnership>();
        var collections = platform.Chain.Collections.Count;
        const int perCall = 8, reorg = 4; // the fixture's Chain:NftScanBlocksPerCall and Chain:NftScanReorgBlocks
        // A chain long enough that reading it all again would take several times the ranges of a later listing.
        while (await platform.Chain.Eth.GetBlockNumberAsync() < platform.Chain.DeployBlock + 40)
            await platform.Chain.Anvil.MineAsync();

        var latest = await platform.Chain.Eth.GetBlockNumberAsync();
        var before = nfts.LogQueries;
        Assert.Empty((await player.GetFromJsonAsync<JsonElement>("/api/me/nfts")).EnumerateArray());
        var first = nfts.LogQueries - before;
        var ranges = (long)(latest - platform.Chain.DeployBlock) / perCall + 1;
        Assert.True(first >= ranges * collections, $"the first listing reads every block since the deployment ({latest - platform.Chain.DeployBlock} blocks) {perCall} at a time in each of {collections} collections: expected at least {ranges * collections} log queries, made {first}");

        var price = Wei / 100;
        var orderId = await PlaceAsync(player, "dragons:3", platform.PlatformQuote(playerId, "dragons:3", "ETH", (UInt128)price), "eth");
        await SendAsync(key, await StepsAsync(player, orderId));
        await WaitForStatusAsync(player, orderId, "completed");
        await AssertOwnsAsync(player, "dragons:3", orderId);

        // A later listing reads only the blocks since the previous one, and the last few again.
        var from = await platform.Chain.Eth.GetBlockNumberAsync();
        before = nfts.LogQueries;
        var listed = await player.GetFromJsonAsync<JsonElement>("/api/me/nfts");
        var again = nfts.LogQueries - before;
        var to = await platform.Chain.Eth.GetBlockNumberAsync();
        Assert.Contains(listed.EnumerateArray(), n => n.GetProperty("itemId").GetString() == "dragons:3");
        var atMost = ((long)(to - from) + reorg + perCall) / perCall * collections + collections;
        Assert.True(again <= atMost, $"a listing {to - from} blocks after the previous one reads at most {atMost} ranges, made {again}");
    }

    [Fact]
    public async Task An_order_paid_in_the_stablecoin_approves_then_purchases_and_completes()
    {
        var key = EthPrivateKey.Generate();
        var (player, playerId) = await SignInFundedAsync(key);
        var price = new BigInteger(12_500_000); // 12.5 USDC
        var orderId = await PlaceAsync(player, "blades:2", platform.PlatformQuote(playerId, "blades:2", "USDC", (UInt128)price), "stablecoin");

        var payment = await StepsAsync(player, orderId);
        var steps = payment.GetProperty("steps").EnumerateArray().ToArray();
        Assert.Equal(2, steps.Length);
        Assert.Equal(platform.Chain.Stablecoin.Address.ToString(), steps[0].GetProperty("to").GetString());
        Assert.Equal("approve 12.5 USDC to the checkout", steps[0].GetProperty("description").GetString());
        Assert.Equal("0", steps[1].GetProperty("value").GetString());

        var usdcBefore = await platform.Chain.Stablecoin.BalanceOfAsync(key.Address);
        await SendAsync(key, payment);
        await WaitForStatusAsync(player, orderId, "completed");

        Assert.Equal(usdcBefore - price, await platform.Chain.Stablecoin.BalanceOfAsync(key.Address));
        Assert.Equal(key.Address, await platform.Chain.Collections["blades"].OwnerOfAsync(2));
        await AssertOwnsAsync(player, "blades:2", orderId);
    }

    [Fact]
    public async Task An_installment_order_pays_its_down_payment_then_each_installment_and_completes()
    {
        var key = EthPrivateKey.Generate();
        var (player, playerId) = await SignInFundedAsync(key);
        var price = new BigInteger(30_000_001); // 30.000001 USDC in 3: 10 + 10 + 10.000001 down
        var full = platform.PlatformQuote(playerId, "blades:3", "USDC", (UInt128)price);
        var response = await player.PostAsJsonAsync("/api/me/quotes/installments", new JsonObject
        {
            ["quote"] = full["quote"]!.DeepClone(),
            ["signature"] = full["signature"]!.DeepClone(),
            ["installments"] = 3,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var plan = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal(3, plan["quote"]!["installments"]!.GetValue<int>());
        var orderId = await PlaceAsync(player, "blades:3", plan, "installments");

        var down = await StepsAsync(player, orderId);
        Assert.Equal(InstallmentSchedule.DownPayment(price, 3).ToString(CultureInfo.InvariantCulture), down.GetProperty("due").GetString());
        Assert.Equal(2, down.GetProperty("steps").GetArrayLength());
        await SendAsync(key, down);
        await WaitForStatusAsync(player, orderId, "plan-active");
        Assert.True(await platform.Chain.Checkout.InEscrowAsync(platform.Chain.Collections["blades"].Address, 3), "the item waits in escrow while the plan runs");

        for (var installment = 1; installment <= 2; installment++)
        {
            var next = await StepsAsync(player, orderId, s => s.GetProperty("steps").EnumerateArray().Last().GetProperty("description").GetString()!
                .StartsWith($"pay installment {installment} of 2", StringComparison.Ordinal));
            Assert.Equal("plan-active", next.GetProperty("status").GetString());
            Assert.Equal(InstallmentSchedule.InstallmentAmount(price, 3).ToString(CultureInfo.InvariantCulture), next.GetProperty("due").GetString());
            Assert.True(next.GetProperty("deadline").GetInt64() > DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 5, "the next deadline is ahead");
            await SendAsync(key, next);
        }
        await WaitForStatusAsync(player, orderId, "completed");

        Assert.Equal(key.Address, await platform.Chain.Collections["blades"].OwnerOfAsync(3));
        Assert.Equal(PurchaseStatus.Completed, (await platform.Chain.Checkout.GetPurchaseAsync(HexString.Decode(orderId))).Status);
        Assert.Empty((await PaymentAsync(player, orderId)).GetProperty("steps").EnumerateArray());
        await AssertOwnsAsync(player, "blades:3", orderId);
    }

    [Fact]
    public async Task An_eth_installment_plan_sends_each_installment_as_value_and_completes()
    {
        var key = EthPrivateKey.Generate();
        var (player, playerId) = await SignInFundedAsync(key);
        var price = Wei / 50; // 0.02 ETH in 2: 0.01 down, 0.01 later
        var full = platform.PlatformQuote(playerId, "skins:3", "ETH", (UInt128)price);
        var plan = JsonNode.Parse(await (await player.PostAsJsonAsync("/api/me/quotes/installments",
            new JsonObject { ["quote"] = full["quote"]!.DeepClone(), ["signature"] = full["signature"]!.DeepClone(), ["installments"] = 2 }))
            .Content.ReadAsStringAsync())!.AsObject();
        var orderId = await PlaceAsync(player, "skins:3", plan, "installments");

        var down = await StepsAsync(player, orderId);
        var purchase = Assert.Single(down.GetProperty("steps").EnumerateArray());
        Assert.Equal((price / 2).ToString(CultureInfo.InvariantCulture), purchase.GetProperty("value").GetString());
        await SendAsync(key, down);
        await WaitForStatusAsync(player, orderId, "plan-active");

        var last = await StepsAsync(player, orderId, p => p.GetProperty("status").GetString() == "plan-active");
        var pay = Assert.Single(last.GetProperty("steps").EnumerateArray());
        Assert.Equal(HexString.Encode(Nethereum.Contracts.FunctionMessageExtensions.GetCallData(new CheckoutFunctions.PayInstallment { PurchaseId = HexString.Decode(orderId) })), pay.GetProperty("data").GetString());
        Assert.Equal((price / 2).ToString(CultureInfo.InvariantCulture), pay.GetProperty("value").GetString());
        await SendAsync(key, last);
        await WaitForStatusAsync(player, orderId, "completed");

        Assert.Equal(key.Address, await platform.Chain.Collections["skins"].OwnerOfAsync(3));
        await AssertOwnsAsync(player, "skins:3", orderId);
    }

    [Fact]
    public async Task Chain_info_names_the_checkout_the_currencies_and_the_collections()
    {
        var info = await platform.Http.GetFromJsonAsync<JsonElement>("/api/chain");

        Assert.Equal(31337, info.GetProperty("chainId").GetInt64());
        Assert.Equal(platform.Chain.Node.Endpoint.ToString(), info.GetProperty("rpcUrl").GetString());
        Assert.Equal(platform.Chain.Checkout.Address.ToString(), info.GetProperty("checkout").GetString());
        Assert.Equal(120, info.GetProperty("installmentIntervalSeconds").GetInt32());
        Assert.Equal(Commerce.Host.Embedded.DevChain.HotWallet.Address.ToString(), info.GetProperty("custody").GetString());
        Assert.Equal(EthAddress.Zero.ToString(), info.GetProperty("currencies").GetProperty("ETH").GetProperty("token").GetString());
        Assert.Equal(18, info.GetProperty("currencies").GetProperty("ETH").GetProperty("decimals").GetInt32());
        Assert.Equal(platform.Chain.Stablecoin.Address.ToString(), info.GetProperty("currencies").GetProperty("USDC").GetProperty("token").GetString());
        Assert.Equal(6, info.GetProperty("currencies").GetProperty("USDC").GetProperty("decimals").GetInt32());
        foreach (var name in new[] { "dragons", "blades", "skins" })
            Assert.Equal(platform.Chain.Collections[name].Address.ToString(), info.GetProperty("collections").GetProperty(name).GetString());
        // What the chain says: the Checkout takes the platform's quotes and may mint each collection.
        Assert.Equal(platform.Chain.QuoteKey.Address, await platform.Chain.Checkout.QuoteSignerAsync());
        Assert.True(await platform.Chain.Collections["skins"].HasRoleAsync(ContractRoles.Minter, platform.Chain.Checkout.Address));
        Assert.True(await platform.Chain.Checkout.HasRoleAsync(ContractRoles.Operator, Commerce.Host.Embedded.DevChain.HotWallet.Address));
        // The executor (the hot wallet's sender) and the watchers run in this host.
        var hosted = platform.Services.GetServices<IHostedService>().Select(h => h.GetType().Name).ToArray();
        Assert.Contains("ExecutorHost", hosted);
        Assert.Contains("CheckoutWatcher", hosted);
        Assert.Contains("DepositWatcher", hosted);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_chain_endpoints_and_their_problems()
    {
        var paths = (await platform.Http.GetFromJsonAsync<JsonElement>("/openapi/v1.json")).GetProperty("paths");

        Assert.True(paths.GetProperty("/api/chain").GetProperty("get").GetProperty("responses").TryGetProperty("404", out _));
        Assert.True(paths.GetProperty("/api/dev/faucet").GetProperty("post").GetProperty("responses").TryGetProperty("404", out _));
        Assert.True(paths.GetProperty("/api/me/orders/{orderId}/payment").GetProperty("get").GetProperty("responses").TryGetProperty("200", out _));
        var installments = paths.GetProperty("/api/me/quotes/installments").GetProperty("post");
        Assert.True(installments.TryGetProperty("requestBody", out _));
        foreach (var status in new[] { "200", "400", "403" })
            Assert.True(installments.GetProperty("responses").TryGetProperty(status, out _), $"POST /api/me/quotes/installments documents {status}");
        Assert.True(paths.GetProperty("/api/me/nfts").GetProperty("get").GetProperty("responses").TryGetProperty("200", out _));
        var order = paths.GetProperty("/api/me/orders").GetProperty("post").GetProperty("responses");
        foreach (var status in new[] { "400", "403", "404", "409", "503" })
            Assert.True(order.TryGetProperty(status, out _), $"POST /api/me/orders documents {status}");
    }

    [Fact]
    public async Task The_faucet_tops_the_callers_wallet_up_to_100_eth_and_a_million_usdc()
    {
        var key = EthPrivateKey.Generate();
        var (player, _) = await platform.SignInAsync(key);
        var response = await player.PostAsync("/api/dev/faucet", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(key.Address.ToString(), body.GetProperty("wallet").GetString());
        Assert.Equal((Wei * 100).ToString(CultureInfo.InvariantCulture), body.GetProperty("eth").GetString());
        Assert.Equal("1000000000000", body.GetProperty("usdc").GetString());
        Assert.Equal(Wei * 100, await platform.Chain.Eth.GetBalanceAsync(key.Address));
        Assert.Equal(new BigInteger(1_000_000_000_000), await platform.Chain.Stablecoin.BalanceOfAsync(key.Address));
        // Topping up a full wallet moves nothing.
        var again = await (await player.PostAsync("/api/dev/faucet", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("1000000000000", again.GetProperty("usdc").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await platform.Http.PostAsync("/api/dev/faucet", null)).StatusCode);
        using var admin = new HttpClient { BaseAddress = new Uri(platform.BaseUrl) };
        admin.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer",
            platform.Services.GetRequiredService<Commerce.Host.Auth.TokenService>().Issue("operator", Commerce.Host.Auth.Roles.Admin).Token);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsync("/api/dev/faucet", null)).StatusCode);
    }

    [Fact]
    public async Task An_installment_quote_keeps_the_item_price_and_expiry_derives_its_nonce_and_is_deterministic()
    {
        var key = EthPrivateKey.Generate();
        var (player, playerId) = await platform.SignInAsync(key);
        var full = platform.PlatformQuote(playerId, "skins:5", "ETH", 1_000_000_000_000_000);
        var request = new JsonObject { ["quote"] = full["quote"]!.DeepClone(), ["signature"] = full["signature"]!.DeepClone(), ["installments"] = 4 };

        var first = await (await player.PostAsJsonAsync("/api/me/quotes/installments", request)).Content.ReadFromJsonAsync<JsonElement>();
        var second = await (await player.PostAsJsonAsync("/api/me/quotes/installments", request)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(first.ToString(), second.ToString());
        var quote = first.GetProperty("quote");
        foreach (var field in new[] { "collection", "tokenId", "buyer", "currency", "price" })
            Assert.Equal(full["quote"]![field]!.GetValue<string>(), quote.GetProperty(field).GetString());
        Assert.Equal(full["quote"]!["expiry"]!.GetValue<long>(), quote.GetProperty("expiry").GetInt64());
        Assert.Equal(4, quote.GetProperty("installments").GetInt32());
        var originalNonce = HexString.Decode(full["quote"]!["nonce"]!.GetValue<string>());
        Assert.Equal(HexString.Encode(Keccak256.Hash([.. originalNonce, 0x00, 0x04])), quote.GetProperty("nonce").GetString());
        // The Checkout itself computes the digest that the signature recovers to its quote signer from.
        var checkoutQuote = new CheckoutQuote
        {
            Collection = EthAddress.Parse(quote.GetProperty("collection").GetString()),
            TokenId = BigInteger.Parse(quote.GetProperty("tokenId").GetString()!, CultureInfo.InvariantCulture),
            Buyer = key.Address,
            Currency = EthAddress.Zero,
            Price = BigInteger.Parse(quote.GetProperty("price").GetString()!, CultureInfo.InvariantCulture),
            Installments = 4,
            Expiry = (ulong)quote.GetProperty("expiry").GetInt64(),
            Nonce = HexString.Decode(quote.GetProperty("nonce").GetString()),
        };
        var digest = await platform.Chain.Checkout.QuoteDigestAsync(checkoutQuote);
        Assert.Equal(await platform.Chain.Checkout.QuoteSignerAsync(),
            EthSignature.Parse(first.GetProperty("signature").GetString()!).RecoverAddress(digest));
    }

    [Fact]
    public async Task Installment_quote_bad_inputs_are_refused_naming_the_field()
    {
        var (player, playerId) = await platform.SignInAsync(EthPrivateKey.Generate());
        var full = platform.PlatformQuote(playerId, "skins:6", "ETH", 1_000_000);
        JsonObject Request(Action<JsonObject> change)
        {
            var request = new JsonObject { ["quote"] = full["quote"]!.DeepClone(), ["signature"] = full["signature"]!.DeepClone(), ["installments"] = 3 };
            change(request);
            return request;
        }

        await AssertFieldAsync(player, Request(r => r.Remove("quote")), HttpStatusCode.BadRequest, "quote");
        await AssertFieldAsync(player, Request(r => r.Remove("installments")), HttpStatusCode.BadRequest, "installments");
        await AssertFieldAsync(player, Request(r => r["installments"] = 1), HttpStatusCode.BadRequest, "installments");
        await AssertFieldAsync(player, Request(r => r["installments"] = 25), HttpStatusCode.BadRequest, "installments");
        await AssertFieldAsync(player, Request(r => r.Remove("signature")), HttpStatusCode.BadRequest, "signature");
        await AssertFieldAsync(player, Request(r => r["signature"] = "0x1234"), HttpStatusCode.BadRequest, "signature");
        await AssertFieldAsync(player, Request(r => r["quote"]!["price"] = "999999"), HttpStatusCode.BadRequest, "signature");
        await AssertFieldAsync(player, Request(r => r["quote"]!["nonce"] = "0x12"), HttpStatusCode.BadRequest, "quote.nonce");
        await AssertFieldAsync(player, Request(r => r["quote"]!["installments"] = 2), HttpStatusCode.BadRequest, "quote.installments");
        var expired = platform.PlatformQuote(playerId, "skins:6", "ETH", 1_000_000, DateTimeOffset.UtcNow.AddMinutes(-1));
        await AssertFieldAsync(player, Request(r => { r["quote"] = expired["quote"]!.DeepClone(); r["signature"] = expired["signature"]!.DeepClone(); }),
            HttpStatusCode.BadRequest, "quote.expiry");
        var (other, _) = await platform.SignInAsync(EthPrivateKey.Generate());
        await AssertFieldAsync(other, Request(_ => { }), HttpStatusCode.Forbidden, "quote.buyer");
        Assert.Equal(HttpStatusCode.Unauthorized, (await platform.Http.PostAsJsonAsync("/api/me/quotes/installments", Request(_ => { }))).StatusCode);
    }

    [Fact]
    public async Task An_expired_quote_and_a_tampered_price_are_refused_and_nothing_is_ordered()
    {
        var (player, playerId) = await platform.SignInAsync(EthPrivateKey.Generate());
        var expired = platform.PlatformQuote(playerId, "skins:7", "ETH", 1_000_000, DateTimeOffset.UtcNow.AddMinutes(-1));
        expired["itemId"] = "skins:7";
        expired["paymentKind"] = "eth";
        await AssertFieldAsync(player, expired, HttpStatusCode.BadRequest, "quote.expiry", "/api/me/orders");
        // Signed by the platform's key, but expiring next year (priced at an event time from the future): refused too.
        var yearLong = platform.PlatformQuote(playerId, "skins:7", "ETH", 1_000_000, DateTimeOffset.UtcNow.AddDays(365));
        yearLong["itemId"] = "skins:7";
        yearLong["paymentKind"] = "eth";
        await AssertFieldAsync(player, yearLong, HttpStatusCode.BadRequest, "quote.expiry", "/api/me/orders");

        var tampered = platform.PlatformQuote(playerId, "skins:7", "ETH", 1_000_000);
        tampered["itemId"] = "skins:7";
        tampered["paymentKind"] = "eth";
        tampered["quote"]!["price"] = "1";
        await AssertFieldAsync(player, tampered, HttpStatusCode.BadRequest, "signature", "/api/me/orders");

        Assert.Equal(HttpStatusCode.NotFound, (await player.GetAsync($"/api/me/orders/{expired["quote"]!["nonce"]}/payment")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await player.GetAsync($"/api/me/orders/{tampered["quote"]!["nonce"]}/payment")).StatusCode);
    }

    [Fact]
    public async Task Another_players_order_has_no_payment_steps_for_you()
    {
        var (owner, ownerId) = await platform.SignInAsync(EthPrivateKey.Generate());
        var orderId = await PlaceAsync(owner, "skins:8", platform.PlatformQuote(ownerId, "skins:8", "ETH", 1_000_000), "eth");
        await StepsAsync(owner, orderId);
        var (other, _) = await platform.SignInAsync(EthPrivateKey.Generate());

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/me/orders/{orderId}/payment")).StatusCode);
        var malformed = await other.GetAsync("/api/me/orders/not-an-id/payment");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.True((await malformed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("orderId", out _), "the 400 names orderId");
        Assert.Empty((await other.GetFromJsonAsync<JsonElement>("/api/me/nfts")).EnumerateArray());
    }

    // ------------------------------------------------------------ helpers

    private async Task<(HttpClient Client, string PlayerId)> SignInFundedAsync(EthPrivateKey key)
    {
        var signedIn = await platform.SignInAsync(key);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.Client.PostAsync("/api/dev/faucet", null)).StatusCode);
        return signedIn;
    }

    private static async Task<string> PlaceAsync(HttpClient player, string itemId, JsonObject signedQuote, string paymentKind)
    {
        var body = new JsonObject
        {
            ["itemId"] = itemId,
            ["quote"] = signedQuote["quote"]!.DeepClone(),
            ["signature"] = signedQuote["signature"]!.DeepClone(),
            ["paymentKind"] = paymentKind,
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/me/orders") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var response = await player.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"expected the order to be accepted: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("orderId").GetString()!;
    }

    private static async Task<JsonElement> PaymentAsync(HttpClient player, string orderId)
    {
        var response = await player.GetAsync($"/api/me/orders/{orderId}/payment");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"expected the payment steps of {orderId}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Waits until <c>/payment</c> has steps (the item is held) and <paramref name="ready"/> holds.</summary>
    private static async Task<JsonElement> StepsAsync(HttpClient player, string orderId, Func<JsonElement, bool>? ready = null)
    {
        JsonElement payment = default;
        await Eventually.Until(async () =>
        {
            // 404 until the order grain has stored the placed order.
            if ((await player.GetAsync($"/api/me/orders/{orderId}")).StatusCode == HttpStatusCode.NotFound)
                return false;
            payment = await PaymentAsync(player, orderId);
            return payment.GetProperty("steps").GetArrayLength() > 0 && (ready is null || ready(payment));
        }, ChainPlatformFixture.Deadline, () => $"payment steps for order {orderId}; last: {payment}");
        return payment;
    }

    /// <summary>Signs and sends every step with the player's own key, in order, each mined before the next.</summary>
    private async Task SendAsync(EthPrivateKey key, JsonElement payment)
    {
        var wallet = platform.Wallet(key);
        foreach (var step in payment.GetProperty("steps").EnumerateArray())
        {
            var receipt = await wallet.SendAsync(new ContractCall
            {
                To = EthAddress.Parse(step.GetProperty("to").GetString()),
                Data = HexString.Decode(step.GetProperty("data").GetString()),
                Value = BigInteger.Parse(step.GetProperty("value").GetString()!, CultureInfo.InvariantCulture),
                Description = step.GetProperty("description").GetString()!,
                Errors = CheckoutErrors.All,
            });
            Assert.True(receipt.Succeeded, $"step '{step.GetProperty("description").GetString()}' succeeded");
        }
    }

    private static async Task WaitForStatusAsync(HttpClient player, string orderId, string status)
    {
        string? seen = null;
        await Eventually.Until(async () =>
        {
            var order = await player.GetFromJsonAsync<JsonElement>($"/api/me/orders/{orderId}");
            seen = order.ToString();
            return order.GetProperty("status").GetString() == status;
        }, ChainPlatformFixture.Deadline, () => $"order {orderId} to reach {status}; last: {seen}");
    }

    private static async Task AssertOwnsAsync(HttpClient player, string itemId, string orderId)
    {
        JsonElement nfts = default;
        await Eventually.Until(async () =>
        {
            nfts = await player.GetFromJsonAsync<JsonElement>("/api/me/nfts");
            return nfts.EnumerateArray().Any(n => n.GetProperty("itemId").GetString() == itemId && n.GetProperty("orderId").GetString() == orderId);
        }, ChainPlatformFixture.Deadline, () => $"/api/me/nfts to list {itemId} of order {orderId}; got {nfts}");
    }

    private static async Task AssertFieldAsync(HttpClient client, JsonObject body, HttpStatusCode status, string field, string path = "/api/me/quotes/installments")
    {
        HttpResponseMessage response;
        if (path == "/api/me/orders")
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            response = await client.SendAsync(request);
        }
        else
        {
            response = await client.PostAsJsonAsync(path, body);
        }
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status} naming {field}, got {(int)response.StatusCode}: {text}");
        Assert.True(JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty(field, out _), $"expected the errors to name {field}: {text}");
    }
}
