using System.Security.Cryptography;
using System.Text;
using Commerce.Chain.Crypto;
using Commerce.Chain.Hex;
using Nethereum.Signer;

namespace Commerce.Chain.Signing;

/// <summary>
/// EIP-191 version 0x45 ("personal_sign"): the signed hash is
/// keccak256("\x19Ethereum Signed Message:\n" + decimal length + message).
/// Signatures are 65 bytes r||s||v with v = 27 or 28, the form wallets return. The hash is Nethereum's; signing
/// (libsecp256k1) and the strict reading of signatures from outside (low s only) are ours.
/// </summary>
public static class PersonalMessage
{
    /// <summary>The hash a wallet signs for <paramref name="message"/> (Nethereum's EIP-191 prefixing).</summary>
    public static byte[] Hash(ReadOnlySpan<byte> message) => new EthereumMessageSigner().HashPrefixedMessage(message.ToArray());

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
