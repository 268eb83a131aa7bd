using System.Security.Cryptography;
using System.Text;
using Commerce.Sdk;

namespace Commerce.Sdk.Tests.Support;

/// <summary>
/// A stand-in wallet for protocol tests: its "signature" is a keyed digest the test server can
/// check, 65 bytes like a real personal_sign result. Real secp256k1 signing is the Chain project's.
/// </summary>
public sealed class FakeWalletSigner(string address) : IWalletSigner
{
    public string Address { get; } = address;

    public List<string> SignedMessages { get; } = [];

    public string? OverrideSignature { get; set; }

    public Task<string> SignPersonalMessageAsync(string message, CancellationToken cancellationToken)
    {
        SignedMessages.Add(message);
        return Task.FromResult(OverrideSignature ?? SignatureFor(Address, message));
    }

    public static string SignatureFor(string address, string message)
    {
        var digest = SHA512.HashData(Encoding.UTF8.GetBytes(address.ToLowerInvariant() + "\n" + message));
        return "0x" + Convert.ToHexStringLower(digest) + "1b";
    }
}
