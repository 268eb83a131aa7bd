using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Commerce.Chain.Crypto;
using Commerce.Chain.Hex;

namespace Commerce.Execution.Keys;

/// <summary>
/// Web3 Secret Storage v3 (the JSON keystore of geth and others): a key derived from the
/// password with scrypt (or PBKDF2-HMAC-SHA256), the private key encrypted with AES-128-CTR under
/// its first 16 bytes, and MAC = keccak256(derived[16..32] || ciphertext) to detect a wrong password.
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
        var mac = Hex(crypto, "mac", "crypto.mac");
        var kdf = Text(crypto, "kdf", "crypto.kdf");
        var parameters = crypto["kdfparams"] ?? throw new KeystoreException("crypto.kdfparams", "is missing");
        var salt = Hex(parameters, "salt", "crypto.kdfparams.salt");
        var dkLen = (int)Number(parameters, "dklen", "crypto.kdfparams.dklen");
        if (dkLen < 32)
            throw new KeystoreException("crypto.kdfparams.dklen", "must be at least 32");
        var passwordBytes = Encoding.UTF8.GetBytes(password);
        var derived = kdf switch
        {
            "scrypt" => Scrypt.DeriveKey(passwordBytes, salt,
                (int)Number(parameters, "n", "crypto.kdfparams.n"), (int)Number(parameters, "r", "crypto.kdfparams.r"),
                (int)Number(parameters, "p", "crypto.kdfparams.p"), dkLen),
            "pbkdf2" when Text(parameters, "prf", "crypto.kdfparams.prf") == "hmac-sha256" =>
                Rfc2898DeriveBytes.Pbkdf2(passwordBytes, salt, (int)Number(parameters, "c", "crypto.kdfparams.c"), HashAlgorithmName.SHA256, dkLen),
            "pbkdf2" => throw new KeystoreException("crypto.kdfparams.prf", "only hmac-sha256 is supported"),
            _ => throw new KeystoreException("crypto.kdf", $"\"{kdf}\" is not supported (scrypt or pbkdf2)"),
        };
        var expected = Keccak256.Hash([.. derived.AsSpan(16, 16), .. ciphertext]);
        if (!CryptographicOperations.FixedTimeEquals(expected, mac))
            throw new KeystoreException("crypto.mac", "does not match: wrong password or corrupted keystore");
        var secret = AesCtr(derived.AsSpan(0, 16), iv, ciphertext);
        try
        {
            return EthPrivateKey.FromBytes(secret, "crypto.ciphertext");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
            CryptographicOperations.ZeroMemory(derived);
        }
    }

    /// <summary>Encrypts <paramref name="key"/> with scrypt (n, r = 8, p = 1) and a fresh salt and iv.</summary>
    public static string Encrypt(EthPrivateKey key, string password, int scryptN = 262144)
    {
        var salt = RandomNumberGenerator.GetBytes(32);
        var iv = RandomNumberGenerator.GetBytes(16);
        var derived = Scrypt.DeriveKey(Encoding.UTF8.GetBytes(password), salt, scryptN, 8, 1, 32);
        var secret = key.ExportBytes();
        var ciphertext = AesCtr(derived.AsSpan(0, 16), iv, secret);
        CryptographicOperations.ZeroMemory(secret);
        var mac = Keccak256.Hash([.. derived.AsSpan(16, 16), .. ciphertext]);
        var json = new JsonObject
        {
            ["address"] = HexString.EncodeBare(key.Address.Bytes),
            ["crypto"] = new JsonObject
            {
                ["cipher"] = "aes-128-ctr",
                ["cipherparams"] = new JsonObject { ["iv"] = HexString.EncodeBare(iv) },
                ["ciphertext"] = HexString.EncodeBare(ciphertext),
                ["kdf"] = "scrypt",
                ["kdfparams"] = new JsonObject
                {
                    ["dklen"] = 32, ["n"] = scryptN, ["p"] = 1, ["r"] = 8, ["salt"] = HexString.EncodeBare(salt),
                },
                ["mac"] = HexString.EncodeBare(mac),
            },
            ["id"] = Guid.NewGuid().ToString(),
            ["version"] = 3,
        };
        return json.ToJsonString();
    }

    private static byte[] AesCtr(ReadOnlySpan<byte> key, ReadOnlySpan<byte> iv, ReadOnlySpan<byte> input)
    {
        using var aes = Aes.Create();
        aes.Key = key.ToArray();
        var counter = iv.ToArray();
        var output = new byte[input.Length];
        for (var offset = 0; offset < input.Length; offset += 16)
        {
            var stream = aes.EncryptEcb(counter, PaddingMode.None);
            for (var i = 0; i < 16 && offset + i < input.Length; i++)
                output[offset + i] = (byte)(input[offset + i] ^ stream[i]);
            for (var i = 15; i >= 0 && ++counter[i] == 0; i--)
            {
            }
        }
        return output;
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
