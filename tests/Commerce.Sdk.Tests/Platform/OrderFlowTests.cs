using System.Globalization;
using System.Numerics;
using Commerce.Sdk.Tests.Support;

namespace Commerce.Sdk.Tests.Platform;

/// <summary>Orders through the SDK against the real platform: offers and order updates as typed pushes, idempotent placing, typed errors.</summary>
[Collection(PlatformCollection.Name)]
public sealed class OrderFlowTests(HostFixture platform)
{
    [Fact]
    public async Task An_offered_quote_is_ordered_and_the_order_is_followed_by_typed_pushes_to_reserved()
    {
        await using var player = await PlayerSession.StartAsync(platform);
        var offered = await player.OfferedAsync("dragons:6");
        Assert.Equal(player.Wallet.Address.ToLowerInvariant(), offered.Quote.Buyer.ToLowerInvariant());
        Assert.Equal((1, true, 132), (offered.Quote.Installments, offered.Quote.IsEth, offered.Quote.Signature.Length));
        Assert.True(offered.Quote.ExpiresAt > DateTimeOffset.UtcNow, $"the quote should still be valid, it expires {offered.Quote.ExpiresAt:O}");

        var placement = await player.Client.PlaceOrderAsync(offered, PaymentKinds.Eth);

        Assert.Equal(offered.Quote.Nonce, placement.OrderId);
        Assert.Equal((32, 1), (placement.IdempotencyKey.Length, placement.Attempts));
        await player.WaitForStatusAsync(placement.OrderId, OrderStatuses.Reserved);
        Assert.Equal([OrderStatuses.Placed, OrderStatuses.Reserved], player.StatusesOf(placement.OrderId));
        var order = await player.Client.GetOrderAsync(placement.OrderId);
        Assert.Equal((OrderStatuses.Reserved, false, "dragons:6", PaymentKinds.Eth), (order.Status, order.Terminal, order.ItemId, order.PaymentKind));
        Assert.Equal(placement.IdempotencyKey, order.IdempotencyKey);
        Assert.NotNull(order.ReservedUntil);
        Assert.Contains(order.History, h => h.To == OrderStatuses.Reserved);

        var again = await player.Client.PlaceOrderAsync(offered.ItemId, offered.Quote, PaymentKinds.Eth, placement.IdempotencyKey);
        Assert.Equal(placement.OrderId, again.OrderId);
        var conflict = await Assert.ThrowsAsync<CommerceApiException>(
            () => player.Client.PlaceOrderAsync(offered.ItemId, offered.Quote, PaymentKinds.Eth, "another-key"));
        Assert.Equal((CommerceErrorKind.Conflict, 409), (conflict.Kind, conflict.StatusCode));
    }

    [Fact]
    public async Task An_answer_lost_on_the_way_is_retried_with_the_same_idempotency_key_and_places_one_order()
    {
        using var flaky = new AnswerLosingTransport("/api/me/orders", loseAnswers: 1);
        await using var player = await PlayerSession.StartAsync(platform, flaky);
        var offered = await player.OfferedAsync("dragons:5");

        var placement = await player.Client.PlaceOrderAsync(offered, PaymentKinds.Eth);

        Assert.Equal(2, placement.Attempts);
        var keys = flaky.IdempotencyKeys.Snapshot();
        Assert.Equal([placement.IdempotencyKey, placement.IdempotencyKey], keys);
        await player.WaitForStatusAsync(placement.OrderId, OrderStatuses.Reserved);
        Assert.Equal(placement.IdempotencyKey, (await player.Client.GetOrderAsync(placement.OrderId)).IdempotencyKey);
        Assert.Single(player.StatusesOf(placement.OrderId), OrderStatuses.Placed);
    }

    [Fact]
    public async Task Bad_order_input_comes_back_as_typed_errors_naming_the_field()
    {
        await using var player = await PlayerSession.StartAsync(platform);
        var offered = await player.OfferedAsync("dragons:7");
        var q = offered.Quote;
        var cheaper = new SignedQuote(q.Collection, q.TokenId, q.Buyer, q.Currency,
            (BigInteger.Parse(q.Price, CultureInfo.InvariantCulture) - 1).ToString(CultureInfo.InvariantCulture), q.Installments, q.Expiry, q.Nonce, q.Signature);

        var tampered = await Assert.ThrowsAsync<CommerceApiException>(() => player.Client.PlaceOrderAsync(offered.ItemId, cheaper, PaymentKinds.Eth));
        Assert.Equal((CommerceErrorKind.Validation, 400), (tampered.Kind, tampered.StatusCode));
        Assert.True(tampered.Errors.ContainsKey("signature"), tampered.Message);

        var wrongKind = await Assert.ThrowsAsync<CommerceApiException>(() => player.Client.PlaceOrderAsync(offered, PaymentKinds.Installments));
        Assert.True(wrongKind.Errors.ContainsKey("paymentKind"), wrongKind.Message);

        await using var thief = await PlayerSession.StartAsync(platform);
        var stolen = await Assert.ThrowsAsync<CommerceApiException>(() => thief.Client.PlaceOrderAsync(offered, PaymentKinds.Eth));
        Assert.Equal((CommerceErrorKind.Forbidden, 403), (stolen.Kind, stolen.StatusCode));
        Assert.True(stolen.Errors.ContainsKey("quote.buyer"), stolen.Message);

        var unknown = await Assert.ThrowsAsync<CommerceApiException>(() => player.Client.GetOrderAsync("0x" + new string('0', 64)));
        Assert.Equal(CommerceErrorKind.NotFound, unknown.Kind);

        // Refused by the SDK before any request: the argument is named.
        Assert.Equal("paymentKind", (await Assert.ThrowsAsync<ArgumentException>(() => player.Client.PlaceOrderAsync(offered, "cash"))).ParamName);
        Assert.Equal("installments", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => player.Client.QuoteInstallmentsAsync(q, 1))).ParamName);
        Assert.Equal("idempotencyKey", (await Assert.ThrowsAsync<ArgumentException>(
            () => player.Client.PlaceOrderAsync(offered.ItemId, q, PaymentKinds.Eth, new string('k', 129)))).ParamName);
    }
}
