using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Commerce.Chain.Crypto;
using Commerce.Chain.Hex;
using Nethereum.KeyStore;
using Nethereum.KeyStore.Crypto;
using Nethereum.KeyStore.Model;

namespace Commerce.Execution.Keys;

/// <summary>
/// Web3 Secret Storage v3 (the JSON keystore of geth and others): a key derived from the
/// password with scrypt (or PBKDF2-HMAC-SHA256), the private key encrypted with AES-128-CTR under
/// its first 16 bytes, and MAC = keccak256(derived[16..32] || ciphertext) to detect a wrong password.
/// Nethereum.KeyStore derives, checks the MAC and deciphers; here a keystore from outside is read strictly
/// first (version, cipher, iv and key lengths, KDF parameters), and each refusal names its member.
/// </summary>
public static class KeystoreV3
{
    /// <summary>Decrypts <paramref name="json"/>; a wrong password fails on the MAC.</summary>
    public static EthPrivateKey Decrypt(string json, string password)
    {
        JsonNode root;
        try
        {
            root = JsonNode.Parse(json) ?? throw new KeystoreException("keystore", "is empty");
        }
        catch (JsonException e)
        {
            throw new KeystoreException("keystore", $"is not JSON ({e.Message})");
        }
        if (Number(root, "version", "version") != 3)
            throw new KeystoreException("version", "must be 3");
        var crypto = root["crypto"] ?? root["Crypto"] ?? throw new KeystoreException("crypto", "is missing");
        if (Text(crypto, "cipher", "crypto.cipher") != "aes-128-ctr")
            throw new KeystoreException("crypto.cipher", "only aes-128-ctr is supported");
        var iv = Hex(crypto["cipherparams"], "iv", "crypto.cipherparams.iv");
        if (iv.Length != 16)
            throw new KeystoreException("crypto.cipherparams.iv", "must be 16 bytes");
        var ciphertext = Hex(crypto, "ciphertext", "crypto.ciphertext");
        if (ciphertext.Length != 32)
            throw new KeystoreException("crypto.ciphertext", $"must be 32 bytes (a private key), got {ciphertext.Length}");
        var mac = Hex(crypto, "mac", "crypto.mac");
        if (mac.Length != 32)
            throw new KeystoreException("crypto.mac", "must be 32 bytes");
        var kdf = Text(crypto, "kdf", "crypto.kdf");
        var parameters = crypto["kdfparams"] ?? throw new KeystoreException("crypto.kdfparams", "is missing");
        var salt = Hex(parameters, "salt", "crypto.kdfparams.salt");
        var dkLen = (int)Number(parameters, "dklen", "crypto.kdfparams.dklen");
        if (dkLen < 32)
            throw new KeystoreException("crypto.kdfparams.dklen", "must be at least 32");
        ArgumentNullException.ThrowIfNull(password);
        var crypt = new KeyStoreCrypto();
        byte[] secret;
        try
        {
            secret = kdf switch
            {
                "scrypt" => crypt.DecryptScrypt(password, mac, iv, ciphertext,
                    Positive(parameters, "n", "crypto.kdfparams.n"), Positive(parameters, "p", "crypto.kdfparams.p"),
                    Positive(parameters, "r", "crypto.kdfparams.r"), salt, dkLen),
                "pbkdf2" when Text(parameters, "prf", "crypto.kdfparams.prf") == "hmac-sha256" =>
                    crypt.DecryptPbkdf2Sha256(password, mac, iv, ciphertext, Positive(parameters, "c", "crypto.kdfparams.c"), salt, dkLen),
                "pbkdf2" => throw new KeystoreException("crypto.kdfparams.prf", "only hmac-sha256 is supported"),
                _ => throw new KeystoreException("crypto.kdf", $"\"{kdf}\" is not supported (scrypt or pbkdf2)"),
            };
        }
        catch (DecryptionException)
        {
            throw new KeystoreException("crypto.mac", "does not match: wrong password or corrupted keystore");
        }
        try
        {
            return EthPrivateKey.FromBytes(secret, "crypto.ciphertext");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    /// <summary>Encrypts <paramref name="key"/> with scrypt (n, r = 8, p = 1) and a fresh salt and iv.</summary>
    public static string Encrypt(EthPrivateKey key, string password, int scryptN = 262144)
    {
        ArgumentNullException.ThrowIfNull(key);
        var secret = key.ExportBytes();
        try
        {
            return new KeyStoreScryptService().EncryptAndGenerateKeyStoreAsJson(password, secret, HexString.EncodeBare(key.Address.Bytes),
                new ScryptParams { Dklen = 32, N = scryptN, R = 8, P = 1 });
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    private static int Positive(JsonNode? node, string name, string path)
    {
        var value = Number(node, name, path);
        return value is > 0 and <= int.MaxValue ? (int)value : throw new KeystoreException(path, "must be a positive whole number");
    }

    private static string Text(JsonNode? node, string name, string path)
    {
        try
        {
            return node?[name]?.GetValue<string>() ?? throw new KeystoreException(path, "is missing");
        }
        catch (InvalidOperationException)
        {
            throw new KeystoreException(path, "must be a string");
        }
    }

    private static long Number(JsonNode? node, string name, string path)
    {
        var value = node?[name] ?? throw new KeystoreException(path, "is missing");
        try
        {
            return value.GetValueKind() == JsonValueKind.String
                ? long.Parse(value.GetValue<string>(), CultureInfo.InvariantCulture)
                : value.GetValue<long>();
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or OverflowException)
        {
            throw new KeystoreException(path, "must be a whole number");
        }
    }

    private static byte[] Hex(JsonNode? node, string name, string path)
    {
        var text = Text(node, name, path);
        try
        {
            return HexString.Decode(text.StartsWith("0x", StringComparison.Ordinal) ? text : "0x" + text, path);
        }
        catch (HexFormatException e)
        {
            throw new KeystoreException(path, e.Message);
        }
    }
}
