using Nethereum.KeyStore.Crypto;

namespace Commerce.Execution.Tests.Keys;

/// <summary>The scrypt the keystore relies on (Nethereum.KeyStore's) derives the RFC's keys.</summary>
public sealed class ScryptTests
{
    // RFC 7914, section 12.
    [Theory]
    [InlineData("", "", 16, 1, 1, "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906")]
    [InlineData("password", "NaCl", 1024, 8, 16, "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640")]
    public void The_rfc_vectors_derive_their_keys(string password, string salt, int n, int r, int p, string expected)
    {
        var key = new KeyStoreCrypto().GenerateDerivedScryptKey(
            System.Text.Encoding.UTF8.GetBytes(password), System.Text.Encoding.UTF8.GetBytes(salt), n, r, p, 64, false);

        Assert.Equal(expected, Convert.ToHexStringLower(key));
    }
}
