using Commerce.Chain.Crypto;
using Commerce.Chain.Hex;
using Commerce.Testing.Crypto;

namespace Commerce.Chain.Tests.Crypto;

public class EthSignatureTests
{
    private static readonly EthPrivateKey Key = EthPrivateKey.FromHex("0x4646464646464646464646464646464646464646464646464646464646464646");

    [Fact]
    public void Signing_the_eip155_example_hash_gives_the_spec_r_and_s()
    {
        var hash = HexString.Decode("0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53");
        var signature = Key.Sign(hash);
        Assert.Equal("18515461264373351373200002665853028612451056578545711640558177340181847433846", signature.RValue.ToString());
        Assert.Equal("46948507304638947509940763649030358759909902576025900602547168820602576006531", signature.SValue.ToString());
        Assert.Equal(37, (int)signature.Eip155V(1));
    }

    [Fact]
    public void The_signer_is_recovered_from_hash_and_signature()
    {
        var hash = Keccak256.HashUtf8("anything");
        var signature = Key.Sign(hash);
        Assert.Equal(Key.Address, signature.RecoverAddress(hash));
        Assert.Equal(Key.PublicKey, signature.RecoverPublicKey(hash));
        Assert.NotEqual(Key.Address, signature.RecoverAddress(Keccak256.HashUtf8("something else")));
    }

    [Fact]
    public void Signatures_are_deterministic_and_low_s()
    {
        foreach (var hash in SigningComparison.CreateHashes(50))
        {
            var first = Key.Sign(hash);
            Assert.Equal(first, Key.Sign(hash));
            Assert.True(first.IsLowS);
        }
    }

    [Fact]
    public void The_65_byte_form_round_trips_and_accepts_v_of_0_or_1()
    {
        var hash = Keccak256.HashUtf8("round trip");
        var signature = Key.Sign(hash);
        var hex = signature.ToHex();
        Assert.Equal(132, hex.Length);
        Assert.Equal(signature, EthSignature.Parse(hex));
        var bytes = signature.ToBytes();
        Assert.Equal(27 + signature.YParity, bytes[64]);
        bytes[64] -= 27;
        Assert.Equal(signature, EthSignature.FromBytes(bytes));
    }

    [Theory]
    [InlineData(64, 27, "65 bytes (r, s, v), got 64")]
    [InlineData(65, 29, "v must be 27 or 28 (or 0 or 1), got 29")]
    public void Malformed_signatures_are_refused(int length, byte v, string expectedFragment)
    {
        var bytes = new byte[length];
        bytes[0] = 1;
        bytes[^1] = v;
        if (length == 65)
            bytes[40] = 1;
        var error = Assert.Throws<HexFormatException>(() => EthSignature.FromBytes(bytes));
        Assert.Contains(expectedFragment, error.Message);
    }

    [Fact]
    public void A_zero_r_is_refused_with_the_component_named()
    {
        var error = Assert.Throws<HexFormatException>(() => EthSignature.FromRsv(0, 1, 0));
        Assert.Equal("signature.r", error.Field);
    }

    [Fact]
    public void Signing_from_many_threads_gives_the_same_results_as_one_thread()
    {
        var hashes = SigningComparison.CreateHashes(200);
        var expected = hashes.Select(h => Key.Sign(h).ToHex()).ToArray();
        var actual = new string[hashes.Length];
        Parallel.For(0, hashes.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => actual[i] = Key.Sign(hashes[i]).ToHex());
        Assert.Equal(expected, actual);
    }
}
