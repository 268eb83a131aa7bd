using System.Text;
using Commerce.Chain.Crypto;

namespace Commerce.Chain.Tests.Crypto;

public class Keccak256Tests
{
    [Theory]
    [InlineData("", "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")]
    [InlineData("abc", "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")]
    [InlineData("The quick brown fox jumps over the lazy dog", "4d741b6f1eb29cb2a9b9911c82f56fa8d73b04959d3d9d222895df6c0b28aa15")]
    [InlineData("transfer(address,uint256)", "a9059cbb2ab09eb219583f4a59a5d0623ade346d962bcd4e46b11da047c9049b")]
    [InlineData("Transfer(address,address,uint256)", "ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef")]
    public void Known_answers_match(string input, string expectedHex) =>
        Assert.Equal(expectedHex, Convert.ToHexStringLower(Keccak256.HashUtf8(input)));

    [Fact]
    public void Keccak_differs_from_fips_sha3()
    {
        var sha3 = System.Security.Cryptography.SHA3_256.IsSupported
            ? System.Security.Cryptography.SHA3_256.HashData(Array.Empty<byte>())
            : Convert.FromHexString("a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a");
        Assert.NotEqual(sha3, Keccak256.Hash(Array.Empty<byte>()));
    }

    [Fact]
    public void Inputs_longer_than_one_block_hash_the_same_from_spans_and_arrays()
    {
        var data = Encoding.ASCII.GetBytes(new string('a', 1000));
        var fromArray = Keccak256.Hash(data);
        Span<byte> fromSpan = stackalloc byte[32];
        Keccak256.Hash(data.AsSpan(), fromSpan);
        Assert.Equal(fromArray, fromSpan.ToArray());
        Assert.NotEqual(fromArray, Keccak256.Hash(data.AsSpan(0, 999)));
    }

    [Fact]
    public void Hashing_is_safe_from_many_threads()
    {
        var expected = Convert.ToHexStringLower(Keccak256.HashUtf8("abc"));
        var results = new string[64];
        Parallel.For(0, results.Length, i =>
        {
            for (var n = 0; n < 200; n++)
                results[i] = Convert.ToHexStringLower(Keccak256.HashUtf8(n % 2 == 0 ? "abc" : "other"));
            results[i] = Convert.ToHexStringLower(Keccak256.HashUtf8("abc"));
        });
        Assert.All(results, r => Assert.Equal(expected, r));
    }
}
