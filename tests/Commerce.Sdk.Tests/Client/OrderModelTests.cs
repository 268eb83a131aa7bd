using Commerce.Sdk;

namespace Commerce.Sdk.Tests.Client;

/// <summary>The order and offer models read the shapes the server sends, and say what is missing.</summary>
public sealed class OrderModelTests
{
    private const string OfferPayload =
        """
        {"playerId":"0xabc","offerId":"of-9","policyVersion":"v1","at":"2026-11-22T10:00:00Z","expiresAt":"2026-11-22T10:05:00Z",
         "items":[
          {"rank":2,"itemId":"blades:4","collection":"blades","rarity":"Epic","price":"42.5","listPrice":"45","currency":"USDC",
           "expiresAt":"2026-11-22T10:05:00Z","explanation":[],
           "quote":{"quoteId":"q2","chainId":31337,"verifyingContract":"0x01","collectionContract":"0xB1","tokenId":"4","buyer":"0xabc",
                    "currencyToken":"0xC0","price":"42500000","installments":1,"expiry":1795000000,"nonce":"0x22","signer":"0xS","signature":"0xsig2"}},
          {"rank":1,"itemId":"dragons:7","collection":"dragons","rarity":"Rare","price":"0.0525","listPrice":"0.05","currency":"ETH",
           "expiresAt":"2026-11-22T10:05:00Z","explanation":[],
           "quote":{"quoteId":"q1","chainId":31337,"verifyingContract":"0x01","collectionContract":"0xD1","tokenId":"7","buyer":"0xabc",
                    "currencyToken":"0x0000000000000000000000000000000000000000","price":"52500000000000000","installments":1,"expiry":1795000000,
                    "nonce":"0x11","signer":"0xS","signature":"0xsig1"}}]}
        """;

    [Fact]
    public void An_offer_push_is_read_ranked_with_each_items_signed_quote()
    {
        var push = new PushMessage(3, PushTypes.OfferMade, DateTimeOffset.UnixEpoch, OfferPayload);

        var offer = push.ReadOffer();

        Assert.Equal("of-9", offer.OfferId);
        Assert.Equal(["dragons:7", "blades:4"], offer.Items.Select(i => i.ItemId));
        var eth = offer.Find("dragons:7")!;
        Assert.Equal((0.0525m, "ETH", "Rare"), (eth.Price!.Value, eth.Currency, eth.Rarity));
        Assert.Equal(("0xD1", "7", "52500000000000000", 1, "0x11", "0xsig1", true),
            (eth.Quote.Collection, eth.Quote.TokenId, eth.Quote.Price, eth.Quote.Installments, eth.Quote.Nonce, eth.Quote.Signature, eth.Quote.IsEth));
        Assert.False(offer.Find("blades:4")!.Quote.IsEth);
        Assert.Null(offer.Find("skins:1"));
    }

    [Fact]
    public void A_quote_is_written_back_in_the_api_shape_without_its_signature()
    {
        var quote = new PushMessage(3, PushTypes.OfferMade, DateTimeOffset.UnixEpoch, OfferPayload).ReadOffer().Find("blades:4")!.Quote;
        var writer = new JsonWriter();

        quote.WriteTo(writer);

        Assert.Equal(
            """{"collection":"0xB1","tokenId":"4","buyer":"0xabc","currency":"0xC0","price":"42500000","installments":1,"expiry":1795000000,"nonce":"0x22"}""",
            writer.ToString());
        var back = SignedQuote.FromJson(JsonReader.Parse(writer.ToString()), quote.Signature);
        Assert.Equal((quote.Collection, quote.Currency, quote.Price, quote.Signature), (back.Collection, back.Currency, back.Price, back.Signature));
    }

    [Theory]
    [InlineData("""{"collection":"0x1","tokenId":"1","buyer":"0x2","currency":"0x3","installments":1,"expiry":5,"nonce":"0x4"}""", "price")]
    [InlineData("""{"collection":"0x1","tokenId":"1","buyer":"0x2","currency":"0x3","price":"9","expiry":5,"nonce":"0x4"}""", "installments")]
    [InlineData("""{"collection":"0x1","tokenId":"1","buyer":"0x2","currency":"0x3","price":"9","installments":1,"expiry":5}""", "nonce")]
    public void A_quote_missing_a_field_names_it(string json, string field)
    {
        var error = Assert.Throws<FormatException>(() => SignedQuote.FromJson(JsonReader.Parse(json), "0xsig"));

        Assert.Contains("\"" + field + "\"", error.Message);
    }

    [Theory]
    [InlineData("plan-active", "installment due by 2026-11-22T10:00:20Z: 0.5 ETH", true, false)]
    [InlineData("plan-active", "down payment confirmed", false, false)]
    [InlineData("reserved", "installment due soon", false, false)]
    [InlineData("defaulted", "installment missed", false, true)]
    [InlineData("completed", null, false, true)]
    public void An_order_update_says_whether_it_is_a_reminder_or_terminal(string status, string? detail, bool reminder, bool terminal)
    {
        var payload = new JsonWriter().WriteStartObject().Write("playerId", "0xabc").Write("orderId", "0x11").Write("itemId", "dragons:7")
            .Write("status", status).Write("detail", detail).WriteEndObject().ToString();

        var update = new PushMessage(4, PushTypes.OrderUpdated, DateTimeOffset.UnixEpoch, payload).ReadOrderUpdate();

        Assert.Equal(("0x11", "dragons:7", status, detail), (update.OrderId, update.ItemId, update.Status, update.Detail));
        Assert.Equal((reminder, terminal), (update.IsInstallmentReminder, update.IsTerminal));
    }

    [Fact]
    public void Reading_a_push_as_the_wrong_kind_or_without_an_order_id_fails_clearly()
    {
        Assert.Throws<InvalidOperationException>(() => new PushMessage(1, PushTypes.InterestRecorded, DateTimeOffset.UnixEpoch, "{}").ReadOrderUpdate());
        var error = Assert.Throws<FormatException>(
            () => new PushMessage(1, PushTypes.OrderUpdated, DateTimeOffset.UnixEpoch, """{"status":"placed"}""").ReadOrderUpdate());
        Assert.Contains("orderId", error.Message);
    }

    [Fact]
    public void Payment_instructions_read_steps_due_and_deadline()
    {
        var json = JsonReader.Parse(
            """
            {"orderId":"0x11","status":"reserved","due":"42500000","deadline":1795000000,
             "steps":[{"to":"0xC0","data":"0x095ea7b3","value":"0","description":"approve 42.5 USDC to the checkout"},
                      {"to":"0xCC","data":"0xabcdef","value":"0","description":"purchase blades:4"}]}
            """);

        var payment = PaymentInstructions.FromJson(json);

        Assert.Equal(("reserved", "42500000", 1795000000L), (payment.Status, payment.Due, payment.Deadline!.Value));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1795000000), payment.DeadlineAt);
        Assert.Equal(["0xC0", "0xCC"], payment.Steps.Select(s => s.To));
        Assert.StartsWith("approve", payment.Steps[0].Description);
        Assert.Empty(PaymentInstructions.FromJson(JsonReader.Parse("""{"orderId":"0x11","status":"placed","due":null,"deadline":null,"steps":[]}""")).Steps);
    }
}
