using Commerce.Chain.Crypto;
using Commerce.Chain.Hex;

namespace Commerce.Chain.Tests.Crypto;

public class EthPrivateKeyTests
{
    [Theory]
    // Anvil's first dev account (mnemonic "test test ... junk").
    [InlineData("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80", "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266")]
    // The sender of the EIP-155 example.
    [InlineData("0x4646464646464646464646464646464646464646464646464646464646464646", "0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F")]
    // k = 1: the public key is the generator point.
    [InlineData("0x0000000000000000000000000000000000000000000000000000000000000001", "0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf")]
    public void Known_keys_have_known_addresses(string privateKey, string address) =>
        Assert.Equal(address, EthPrivateKey.FromHex(privateKey).Address.ToString());

    [Fact]
    public void The_public_key_of_one_is_the_generator_point()
    {
        var key = EthPrivateKey.FromHex("0x0000000000000000000000000000000000000000000000000000000000000001");
        Assert.Equal("0x0479be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8",
            key.PublicKey.ToString());
        Assert.Equal("0x0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798", HexString.Encode(key.PublicKey.ToCompressed()));
        Assert.Equal(key.PublicKey, EthPublicKey.FromBytes(key.PublicKey.ToCompressed()));
    }

    [Theory]
    [InlineData("0x0000000000000000000000000000000000000000000000000000000000000000", "not a valid secp256k1 secret key")]
    [InlineData("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", "not a valid secp256k1 secret key")]
    [InlineData("0x01", "must be 32 bytes, got 1")]
    public void Invalid_secret_keys_are_refused(string hex, string expectedFragment)
    {
        var error = Assert.Throws<HexFormatException>(() => EthPrivateKey.FromHex(hex));
        Assert.Equal("privateKey", error.Field);
        Assert.Contains(expectedFragment, error.Message);
    }

    [Fact]
    public void Generated_keys_are_distinct_and_valid()
    {
        var keys = Enumerable.Range(0, 20).Select(_ => EthPrivateKey.Generate().ExportHex()).ToHashSet();
        Assert.Equal(20, keys.Count);
        Assert.All(keys, k => EthPrivateKey.FromHex(k));
    }

    [Fact]
    public void The_key_is_not_printed_by_ToString()
    {
        var key = EthPrivateKey.FromHex("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
        Assert.DoesNotContain("ac0974bec39a17e3", key.ToString());
        Assert.Contains("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", key.ToString());
    }
}
