using System.Security.Cryptography;
using System.Text;
using Commerce.Chain.Crypto;
using Commerce.Chain.Hex;

namespace Commerce.Chain.Signing;

/// <summary>
/// EIP-191 version 0x45 ("personal_sign"): the signed hash is
/// keccak256("\x19Ethereum Signed Message:\n" + decimal length + message).
/// Signatures are 65 bytes r||s||v with v = 27 or 28, the form wallets return.
/// </summary>
public static class PersonalMessage
{
    private static readonly byte[] Prefix = Encoding.ASCII.GetBytes("\x19" + "Ethereum Signed Message:\n");

    /// <summary>The hash a wallet signs for <paramref name="message"/>.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> message)
    {
        var length = Encoding.ASCII.GetBytes(message.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var buffer = new byte[Prefix.Length + length.Length + message.Length];
        Prefix.CopyTo(buffer, 0);
        length.CopyTo(buffer, Prefix.Length);
        message.CopyTo(buffer.AsSpan(Prefix.Length + length.Length));
        return Keccak256.Hash(buffer);
    }

    /// <summary>Signs like personal_sign; returns the 0x-prefixed 65-byte signature (v = 27/28).</summary>
    public static string Sign(EthPrivateKey key, byte[] message)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(message);
        return key.Sign(Hash(message)).ToHex();
    }

    /// <summary>Signs the UTF-8 bytes of <paramref name="text"/>.</summary>
    public static string Sign(EthPrivateKey key, string text) => Sign(key, Encoding.UTF8.GetBytes(text));

    /// <summary>
    /// The address that signed <paramref name="message"/>. Accepts v of 27/28 or 0/1. Refuses
    /// signatures whose s is in the upper half of the curve order (the malleable twin of a valid
    /// signature; wallets never produce them).
    /// </summary>
    public static EthAddress RecoverAddress(byte[] message, string signatureHex)
    {
        ArgumentNullException.ThrowIfNull(message);
        var signature = EthSignature.Parse(signatureHex, "signature");
        if (!signature.IsLowS)
            throw new HexFormatException("signature", "s is in the upper half of the curve order (non-canonical, EIP-2)");
        try
        {
            return signature.RecoverAddress(Hash(message));
        }
        catch (CryptographicException e)
        {
            throw new HexFormatException("signature", e.Message);
        }
    }

    /// <summary>True when <paramref name="signatureHex"/> is a well-formed signature of <paramref name="message"/> by <paramref name="expectedSigner"/>.</summary>
    public static bool Verify(byte[] message, string signatureHex, EthAddress expectedSigner)
    {
        try
        {
            return RecoverAddress(message, signatureHex) == expectedSigner;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
