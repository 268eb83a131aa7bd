using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Numerics;
using System.Text.Json;
using Commerce.Chain.Crypto;
using Commerce.Chain.Hex;
using Commerce.Pricing.Amounts;
using Commerce.Pricing.Live;
using Commerce.Pricing.Signing;
using Commerce.Testing;
using Microsoft.Extensions.DependencyInjection;
using Commerce.Chain.Contracts;

namespace Commerce.Host.Tests;

/// <summary>Interest from a game client, through Kafka and the live pricing service, to a signed offer pushed to the player.</summary>
public sealed class PricingFlowTests(PlatformFixture platform) : IClassFixture<PlatformFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Interest_is_answered_by_a_pushed_offer_priced_within_policy_and_signed_by_the_quote_key()
    {
        var signer = platform.Services.GetRequiredService<Eip712QuoteSigner>();
        var policy = platform.Services.GetRequiredService<LivePricingEngine>().Policy;
        // Pricing reads the catalog on its own consumer group, beside the item grains the fixture waited for.
        var engine = platform.Services.GetRequiredService<LivePricingEngine>();
        await Eventually.Until(() => engine.Knows("dragons:4"), Deadline, () => "live pricing to read the listing of dragons:4");
        var (player, playerId, token) = await platform.SignInAsync();
        await using var pushes = await PushClient.ConnectAsync(platform.BaseUrl, token);

        var response = await player.PostAsJsonAsync("/api/me/interests", new { itemId = "dragons:4", dwellSeconds = 20 });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        JsonElement? frame = null;
        await Eventually.Until(() =>
        {
            lock (pushes.Frames)
                frame = pushes.Frames.FirstOrDefault(f => f.GetProperty("type").GetString() == "OfferMade") is { ValueKind: JsonValueKind.Object } found ? found : null;
            return frame is not null;
        }, Deadline, () => $"a push of kind OfferMade to {playerId}; got [{string.Join(",", pushes.Frames.Select(f => f.GetProperty("type").GetString()))}]");

        var offer = frame!.Value.GetProperty("payload");
        Assert.Equal(playerId, offer.GetProperty("playerId").GetString());
        var items = offer.GetProperty("items").EnumerateArray().ToList();
        Assert.InRange(items.Count, 1, policy.Recommendation.MaxItems);
        Assert.Equal(Enumerable.Range(1, items.Count), items.Select(i => i.GetProperty("rank").GetInt32()));
        Assert.Contains(items, i => i.GetProperty("itemId").GetString() == "dragons:4");
        foreach (var item in items)
        {
            var itemId = item.GetProperty("itemId").GetString()!;
            Assert.StartsWith("dragons:", itemId);
            var dragons = policy.Collections["dragons"];
            Assert.Equal("ETH", item.GetProperty("currency").GetString());
            var price = Money.Parse(item.GetProperty("price").GetString()!, dragons.Currency).BaseUnits;
            Assert.InRange(price, dragons.Floor, dragons.Ceiling);
            var explained = item.GetProperty("explanation").EnumerateArray()
                .Aggregate(Int128.Zero, (sum, f) => sum + Signed(f.GetProperty("amount").GetString()!, dragons.Currency));
            Assert.Equal(price, explained);

            var quote = item.GetProperty("quote");
            Assert.Equal(price.ToString(CultureInfo.InvariantCulture), quote.GetProperty("price").GetString());
            Assert.Equal(playerId, quote.GetProperty("buyer").GetString()!.ToLowerInvariant());
            Assert.Equal(EthAddress.Zero.ToString(), quote.GetProperty("currencyToken").GetString());
            Assert.Equal(itemId.Split(':')[1], quote.GetProperty("tokenId").GetString());
            Assert.True(DateTimeOffset.FromUnixTimeSeconds(quote.GetProperty("expiry").GetInt64()) > DateTimeOffset.UtcNow, "the quote must not be expired on arrival");
            var signed = new CheckoutQuote
            {
                Collection = EthAddress.Parse(quote.GetProperty("collectionContract").GetString()),
                TokenId = BigInteger.Parse(quote.GetProperty("tokenId").GetString()!, CultureInfo.InvariantCulture),
                Buyer = EthAddress.Parse(quote.GetProperty("buyer").GetString()),
                Currency = EthAddress.Parse(quote.GetProperty("currencyToken").GetString()),
                Price = BigInteger.Parse(quote.GetProperty("price").GetString()!, CultureInfo.InvariantCulture),
                Installments = (ushort)quote.GetProperty("installments").GetInt32(),
                Expiry = (ulong)quote.GetProperty("expiry").GetInt64(),
                Nonce = HexString.Decode(quote.GetProperty("nonce").GetString()),
            };
            Assert.Equal(signer.Address, signed.RecoverSigner(quote.GetProperty("signature").GetString()!, quote.GetProperty("chainId").GetInt64(),
                EthAddress.Parse(quote.GetProperty("verifyingContract").GetString())));
        }

        var me = await (await player.GetAsync("/api/me")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(items.Count, me.GetProperty("recentOffers").GetArrayLength());
    }

    private static Int128 Signed(string amount, Currency currency) =>
        amount.StartsWith('-') ? -Money.Parse(amount[1..], currency).BaseUnits : Money.Parse(amount, currency).BaseUnits;
}
