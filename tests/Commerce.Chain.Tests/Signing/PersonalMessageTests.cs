using System.Text;
using Commerce.Chain.Crypto;
using Commerce.Chain.Hex;
using Commerce.Chain.Signing;

namespace Commerce.Chain.Tests.Signing;

public class PersonalMessageTests
{
    private static readonly EthPrivateKey Key = EthPrivateKey.FromHex("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");

    [Theory]
    [InlineData("hello", "0x50b2c43fd39106bafbba0da34fc430e1f91e3c96ea2acee2bc34119f92b37750")]
    public void The_hash_is_keccak_of_the_eip191_prefix_length_and_message(string message, string expected) =>
        Assert.Equal(expected, HexString.Encode(PersonalMessage.Hash(Encoding.UTF8.GetBytes(message))));

    [Fact]
    public void The_hash_is_built_from_the_prefix_and_decimal_length()
    {
        var message = new byte[300];
        var expected = Keccak256.Hash([.. Encoding.ASCII.GetBytes("\x19" + "Ethereum Signed Message:\n300"), .. message]);
        Assert.Equal(expected, PersonalMessage.Hash(message));
    }

    [Fact]
    public void A_signature_is_65_bytes_with_v_27_or_28_and_recovers_the_signer()
    {
        var message = Encoding.UTF8.GetBytes("Buy sword #42 for 0.1 ETH");
        var signature = PersonalMessage.Sign(Key, message);
        Assert.Matches("^0x[0-9a-f]{130}$", signature);
        Assert.Contains(Convert.ToInt32(signature[^2..], 16), new[] { 27, 28 });
        Assert.Equal(Key.Address, PersonalMessage.RecoverAddress(message, signature));
        Assert.True(PersonalMessage.Verify(message, signature, Key.Address));
    }

    [Fact]
    public void A_changed_message_does_not_verify()
    {
        var signature = PersonalMessage.Sign(Key, "price: 100");
        Assert.False(PersonalMessage.Verify(Encoding.UTF8.GetBytes("price: 1"), signature, Key.Address));
    }

    [Fact]
    public void The_malleable_high_s_twin_of_a_signature_is_refused()
    {
        var message = Encoding.UTF8.GetBytes("hello");
        var signature = EthSignature.Parse(PersonalMessage.Sign(Key, message));
        var twin = EthSignature.FromRsv(signature.RValue, EthSignature.CurveOrder - signature.SValue, 1 - signature.YParity);
        Assert.Equal(Key.Address, twin.RecoverAddress(PersonalMessage.Hash(message)));
        var error = Assert.Throws<HexFormatException>(() => PersonalMessage.RecoverAddress(message, twin.ToHex()));
        Assert.Contains("upper half", error.Message);
        Assert.False(PersonalMessage.Verify(message, twin.ToHex(), Key.Address));
    }

    [Fact]
    public void Garbage_signatures_are_reported_against_the_signature_field()
    {
        var error = Assert.Throws<HexFormatException>(() => PersonalMessage.RecoverAddress([1, 2], "0x1234"));
        Assert.Equal("signature", error.Field);
    }
}
