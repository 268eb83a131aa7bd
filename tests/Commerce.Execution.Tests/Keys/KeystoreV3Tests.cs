using Commerce.Chain.Crypto;
using Commerce.Execution.Keys;
using Nethereum.KeyStore;

namespace Commerce.Execution.Tests.Keys;

public sealed class KeystoreV3Tests
{
    // The test vectors of the Web3 Secret Storage definition: password "testpassword".
    private const string ExpectedKey = "0x7a28b5ba57c53603b0b07b56bba752f7784bf506fa95edc395f5cf6c7514fe9d";

    private const string Pbkdf2Vector = """
        {"crypto":{"cipher":"aes-128-ctr","cipherparams":{"iv":"6087dab2f9fdbbfaddc31a909735c1e6"},
         "ciphertext":"5318b4d5bcd28de64ee5559e671353e16f075ecae9f99c7a79a38af5f869aa46","kdf":"pbkdf2",
         "kdfparams":{"c":262144,"dklen":32,"prf":"hmac-sha256","salt":"ae3cd4e7013836a3df6bd7241b12db061dbe2c6785853cce422d148a624ce0bd"},
         "mac":"517ead924a9d0dc3124507e3393d175ce3ff7c1e96529c6c555ce9e51205e9b2"},
         "id":"3198bc9c-6672-5ab3-d995-4942343ae5b6","version":3}
        """;

    private const string ScryptVector = """
        {"crypto":{"cipher":"aes-128-ctr","cipherparams":{"iv":"83dbcc02d8ccb40e466191a123791e0e"},
         "ciphertext":"d172bf743a674da9cdad04534d56926ef8358534d458fffccd4e6ad2fbde479c","kdf":"scrypt",
         "kdfparams":{"dklen":32,"n":262144,"p":8,"r":1,"salt":"ab0c7876052600dd703518d6fc3fe8984592145b591fc8fb5c6d43190334ba19"},
         "mac":"2103ac29920d71da29f15d75b4a16dbe95cfd7ff8faea1056c33131d846e3097"},
         "id":"3198bc9c-6672-5ab3-d995-4942343ae5b6","version":3}
        """;

    [Theory]
    [InlineData(Pbkdf2Vector)]
    [InlineData(ScryptVector)]
    public void The_specification_vectors_decrypt_to_their_key(string json)
    {
        Assert.Equal(ExpectedKey, KeystoreV3.Decrypt(json, "testpassword").ExportHex());
    }

    [Fact]
    public void A_wrong_password_fails_on_the_mac()
    {
        var error = Assert.Throws<KeystoreException>(() => KeystoreV3.Decrypt(Pbkdf2Vector, "wrong"));

        Assert.Equal("crypto.mac", error.Field);
    }

    [Fact]
    public void An_encrypted_key_decrypts_back_and_names_its_address()
    {
        var key = EthPrivateKey.Generate();

        var json = KeystoreV3.Encrypt(key, "pw", scryptN: 1024);

        Assert.Equal(key.ExportHex(), KeystoreV3.Decrypt(json, "pw").ExportHex());
        Assert.Contains(Chain.Hex.HexString.EncodeBare(key.Address.Bytes), json, StringComparison.Ordinal);
        Assert.DoesNotContain(key.ExportHex()[2..], json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_keystore_of_another_version_that_nethereum_alone_decrypts_is_refused()
    {
        var json = Pbkdf2Vector.Replace("\"version\":3", "\"version\":1", StringComparison.Ordinal);

        Assert.Equal(ExpectedKey, "0x" + Convert.ToHexStringLower(new KeyStoreService().DecryptKeyStoreFromJson("testpassword", json)));
        Assert.Equal("version", Assert.Throws<KeystoreException>(() => KeystoreV3.Decrypt(json, "testpassword")).Field);
    }

    [Theory]
    [InlineData("""{"version":3}""", "crypto")]
    [InlineData("""{"version":2}""", "version")]
    [InlineData("""{"version":3,"crypto":{"cipher":"aes-256-gcm"}}""", "crypto.cipher")]
    [InlineData("not json", "keystore")]
    public void A_malformed_keystore_names_the_member_at_fault(string json, string field)
    {
        Assert.Equal(field, Assert.Throws<KeystoreException>(() => KeystoreV3.Decrypt(json, "pw")).Field);
    }

    [Fact]
    public void The_hot_wallet_loads_from_a_keystore_file_and_never_prints_its_secret()
    {
        var key = EthPrivateKey.Generate();
        var path = Path.Combine(Path.GetTempPath(), $"keystore-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, KeystoreV3.Encrypt(key, "pw", scryptN: 1024));
        try
        {
            var options = new HotWalletOptions { KeystorePath = path, KeystorePassword = "pw" };
            var wallet = HotWallet.Load(options);

            Assert.Equal(key.Address, wallet.Address);
            Assert.DoesNotContain(key.ExportHex()[2..], wallet.ToString(), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("pw", new HotWalletOptions { PrivateKey = key.ExportHex(), KeystorePassword = "pw" }.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_hot_wallet_wants_exactly_one_source()
    {
        var error = Assert.Throws<ArgumentException>(() => HotWallet.Load(new HotWalletOptions()));

        Assert.Contains("PrivateKey or KeystorePath", error.Message, StringComparison.Ordinal);
    }
}
