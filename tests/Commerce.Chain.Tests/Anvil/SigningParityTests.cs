using Commerce.Testing.Anvil;
using System.Text;
using System.Text.Json.Nodes;
using Commerce.Chain.Contracts;
using Commerce.Chain.Crypto;
using Commerce.Chain.Hex;
using Commerce.Chain.Signing;
using Commerce.Chain.Tests.Signing;

namespace Commerce.Chain.Tests.Anvil;

/// <summary>Anvil's own signing of an unlocked dev account gives exactly our signatures.</summary>
[Collection(nameof(AnvilCollection))]
public class SigningParityTests(AnvilFixture anvil)
{
    private static readonly Chain.Crypto.EthPrivateKey Key = AnvilFixture.DevKeys[0];

    [Theory]
    [InlineData("hello")]
    [InlineData("")]
    [InlineData("Sign in to Commerce\nnonce: 8fj3kd93")]
    public async Task Personal_sign_matches_our_personal_message(string text)
    {
        var message = Encoding.UTF8.GetBytes(text);
        var ours = PersonalMessage.Sign(Key, message);
        var personalSign = (await anvil.Rpc.SendAsync("personal_sign", [HexString.Encode(message), Key.Address.ToLowerHex()])).GetString();
        var ethSign = (await anvil.Rpc.SendAsync("eth_sign", [Key.Address.ToLowerHex(), HexString.Encode(message)])).GetString();
        Assert.Equal(ours, personalSign);
        Assert.Equal(ours, ethSign);
        Assert.Equal(Key.Address, PersonalMessage.RecoverAddress(message, personalSign!));
    }

    [Fact]
    public async Task A_siwe_message_signed_by_anvil_verifies()
    {
        var text = new SiweMessage
        {
            Domain = "shop.example.com",
            Address = Key.Address,
            Statement = "Sign in to Commerce",
            Uri = "https://shop.example.com/login",
            ChainId = (long)AnvilFixture.ChainId,
            Nonce = SiweMessage.GenerateNonce(),
            IssuedAt = DateTimeOffset.UtcNow,
        }.Format();
        var signature = (await anvil.Rpc.SendAsync("personal_sign", [HexString.Encode(Encoding.UTF8.GetBytes(text)), Key.Address.ToLowerHex()])).GetString()!;
        Assert.Equal(Key.Address, SiweMessage.ParseAndVerify(text, signature).Address);
    }

    [Fact]
    public async Task Sign_typed_data_v4_matches_our_eip712_signature_for_the_mail_example()
    {
        var mail = TypedData.Parse(TypedDataTests.MailJson);
        var theirs = (await anvil.Rpc.SendAsync("eth_signTypedData_v4", [Key.Address.ToLowerHex(), JsonNode.Parse(TypedDataTests.MailJson)])).GetString();
        Assert.Equal(mail.Sign(Key).ToHex(), theirs);
    }

    [Fact]
    public async Task Sign_typed_data_v4_matches_our_eip712_signature_for_a_price_quote()
    {
        var json = TypedDataTests.LineQuoteJson;
        var quote = TypedData.Parse(json);
        var theirs = (await anvil.Rpc.SendAsync("eth_signTypedData_v4", [Key.Address.ToLowerHex(), json])).GetString();
        Assert.Equal(quote.Sign(Key).ToHex(), theirs);
    }

    [Fact]
    public async Task Sign_typed_data_v4_of_a_checkout_quotes_json_matches_our_signature_over_nethereums_digest()
    {
        var quote = new CheckoutQuote
        {
            Collection = Bytecode.AddressFor("items"), TokenId = 42, Buyer = AnvilFixture.DevKeys[1].Address, Currency = EthAddress.Zero,
            Price = System.Numerics.BigInteger.Parse("250000000000000000000"), Installments = 4, Expiry = 1_900_000_000, Nonce = Keccak256.HashUtf8("quote-42"),
        };
        var checkout = Bytecode.AddressFor("checkout");

        var theirs = (await anvil.Rpc.SendAsync("eth_signTypedData_v4", [Key.Address.ToLowerHex(), Contracts.QuoteJson.For(quote, AnvilFixture.ChainId, checkout)])).GetString();

        Assert.Equal(quote.Sign(Key, AnvilFixture.ChainId, checkout).ToHex(), theirs);
    }
}
