using Commerce.Chain.Crypto;
using Commerce.Chain.Hex;

namespace Commerce.Chain.Tests.Crypto;

public class EthAddressTests
{
    /// <summary>The examples of EIP-55 itself.</summary>
    [Theory]
    [InlineData("0x52908400098527886E0F7030069857D2E4169EE7")]
    [InlineData("0x8617E340B3D01FA5F11F306F4090FD50E238070D")]
    [InlineData("0xde709f2102306220921060314715629080e2fb77")]
    [InlineData("0x27b1fdb04752bbc536007a920d24acb045561c26")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [InlineData("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359")]
    [InlineData("0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB")]
    [InlineData("0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb")]
    public void Eip55_examples_print_with_their_checksum(string checksummed)
    {
        Assert.Equal(checksummed, EthAddress.Parse(checksummed.ToLowerInvariant()).ToString());
        Assert.Equal(checksummed, EthAddress.Parse(checksummed).ToString());
    }

    [Fact]
    public void All_upper_case_input_has_no_checksum_and_is_accepted() =>
        Assert.Equal("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
            EthAddress.Parse("0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED").ToString());

    [Fact]
    public void A_mistyped_checksum_is_rejected()
    {
        var error = Assert.Throws<HexFormatException>(() => EthAddress.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", "buyer"));
        Assert.Equal("buyer", error.Field);
        Assert.Contains("EIP-55 checksum", error.Message);
    }

    [Theory]
    [InlineData("5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "must start with 0x")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA", "40 hex digits after 0x, got 38")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeg", "not a hex digit")]
    public void Malformed_addresses_say_what_is_wrong(string text, string expectedFragment)
    {
        var error = Assert.Throws<HexFormatException>(() => EthAddress.Parse(text));
        Assert.Contains(expectedFragment, error.Message);
    }

    [Fact]
    public void Addresses_compare_by_value_whatever_their_case()
    {
        var a = EthAddress.Parse("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
        var b = EthAddress.Parse("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");
        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, EthAddress.Zero);
        Assert.Equal("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", a.ToLowerHex());
    }

    [Fact]
    public void TryParse_reports_failure_without_throwing()
    {
        Assert.False(EthAddress.TryParse("0x1234", out var none));
        Assert.Null(none);
        Assert.True(EthAddress.TryParse("0xde709f2102306220921060314715629080e2fb77", out var some));
        Assert.Equal("0xde709f2102306220921060314715629080e2fb77", some.ToString());
    }
}
