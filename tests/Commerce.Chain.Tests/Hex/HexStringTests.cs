using System.Numerics;
using Commerce.Chain.Hex;

namespace Commerce.Chain.Tests.Hex;

public class HexStringTests
{
    [Theory]
    [InlineData("", "0x")]
    [InlineData("00", "0x00")]
    [InlineData("deadBEEF", "0xdeadbeef")]
    public void Bytes_are_written_as_lower_case_with_prefix(string bareHex, string expected) =>
        Assert.Equal(expected, HexString.Encode(Convert.FromHexString(bareHex)));

    [Theory]
    [InlineData("0x", "")]
    [InlineData("0xDEADbeef", "deadbeef")]
    [InlineData("deadbeef", "deadbeef")]
    [InlineData("0X01", "01")]
    public void Data_is_read_with_or_without_prefix(string hex, string expectedBare) =>
        Assert.Equal(expectedBare, Convert.ToHexStringLower(HexString.Decode(hex)));

    [Theory]
    [InlineData("0x123", "odd number of hex digits")]
    [InlineData("0xzz", "'z' at digit 0 is not a hex digit")]
    [InlineData("0x 1", "' ' at digit 0")]
    public void Bad_data_names_the_field_and_the_problem(string hex, string expectedFragment)
    {
        var error = Assert.Throws<HexFormatException>(() => HexString.Decode(hex, "input"));
        Assert.Equal("input", error.Field);
        Assert.StartsWith("input: ", error.Message);
        Assert.Contains(expectedFragment, error.Message);
    }

    [Fact]
    public void Null_data_is_reported_as_missing()
    {
        var error = Assert.Throws<HexFormatException>(() => HexString.Decode(null, "to"));
        Assert.Contains("missing", error.Message);
    }

    [Fact]
    public void Fixed_length_data_rejects_other_lengths()
    {
        var error = Assert.Throws<HexFormatException>(() => HexString.DecodeFixed("0x0102", 32, "hash"));
        Assert.Equal("hash: must be 32 bytes, got 2", error.Message);
    }

    [Theory]
    [InlineData("0", "0x0")]
    [InlineData("1", "0x1")]
    [InlineData("65", "0x41")]
    [InlineData("1024", "0x400")]
    [InlineData("1000000000000000000", "0xde0b6b3a7640000")]
    public void Quantities_have_no_leading_zeros(string value, string expected) =>
        Assert.Equal(expected, HexString.EncodeQuantity(BigInteger.Parse(value)));

    [Theory]
    [InlineData("0x0", "0")]
    [InlineData("0x41", "65")]
    [InlineData("0x400", "1024")]
    [InlineData("0x0400", "1024")]
    [InlineData("0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", "115792089237316195423570985008687907853269984665640564039457584007913129639935")]
    public void Quantities_are_read_as_unsigned(string hex, string expected) =>
        Assert.Equal(BigInteger.Parse(expected), HexString.DecodeQuantity(hex));

    [Theory]
    [InlineData("0x", "at least one digit")]
    [InlineData("41", "must start with 0x")]
    [InlineData("0xg", "not a hex digit")]
    public void Bad_quantities_are_rejected_with_the_field_name(string hex, string expectedFragment)
    {
        var error = Assert.Throws<HexFormatException>(() => HexString.DecodeQuantity(hex, "gasPrice"));
        Assert.Equal("gasPrice", error.Field);
        Assert.Contains(expectedFragment, error.Message);
    }

    [Fact]
    public void Negative_quantities_cannot_be_written() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => HexString.EncodeQuantity(BigInteger.MinusOne));

    [Fact]
    public void A_quantity_too_large_for_64_bits_is_rejected()
    {
        var error = Assert.Throws<HexFormatException>(() => HexString.DecodeQuantityUInt64("0x10000000000000000", "nonce"));
        Assert.Contains("does not fit in 64 bits", error.Message);
    }
}
