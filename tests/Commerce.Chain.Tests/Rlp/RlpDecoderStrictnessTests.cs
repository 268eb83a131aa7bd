using Commerce.Chain.Rlp;

namespace Commerce.Chain.Tests.Rlp;

public class RlpDecoderStrictnessTests
{
    [Theory]
    [InlineData("", "empty")]
    [InlineData("8100", "must be encoded as itself")]
    [InlineData("817f", "must be encoded as itself")]
    [InlineData("b800", "leading zero byte")]
    [InlineData("b80100", "long form for 1 bytes")]
    [InlineData("83646f", "declares 3 bytes but only 2 remain")]
    [InlineData("c383646f67", "declares 3 bytes but only 2 remain")]
    [InlineData("8080", "1 trailing byte")]
    [InlineData("b9", "runs past the end")]
    [InlineData("f9000100", "leading zero byte")]
    [InlineData("c2c20101", "declares 2 bytes but only 1 remain")]
    public void Non_canonical_or_truncated_input_is_rejected(string hex, string expectedFragment)
    {
        var error = Assert.Throws<RlpException>(() => RlpDecoder.Decode(Convert.FromHexString(hex)));
        Assert.Contains(expectedFragment, error.Message);
    }

    [Fact]
    public void An_integer_with_a_leading_zero_is_not_canonical()
    {
        var item = RlpDecoder.Decode(Convert.FromHexString("820001"));
        var error = Assert.Throws<RlpException>(() => item.ToBigInteger("nonce"));
        Assert.StartsWith("nonce:", error.Message);
    }

    [Fact]
    public void Reading_a_list_as_bytes_names_the_field()
    {
        var item = RlpDecoder.Decode(Convert.FromHexString("c0"));
        var error = Assert.Throws<RlpException>(() => item.ToBytes("data"));
        Assert.Equal("data: expected a byte string, found a list", error.Message);
    }

    [Fact]
    public void Deep_nesting_is_refused_instead_of_overflowing_the_stack()
    {
        var input = Enumerable.Repeat((byte)0xc1, 200).Append((byte)0xc0).ToArray();
        // Each 0xc1 claims one byte of payload; lengths are wrong for depth > 1, but depth is checked first.
        Assert.Throws<RlpException>(() => RlpDecoder.Decode(input));
    }
}
