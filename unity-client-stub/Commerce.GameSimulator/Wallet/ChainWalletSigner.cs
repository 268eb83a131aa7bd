using System.Text;
using Commerce.Chain.Crypto;
using Commerce.Chain.Signing;
using Commerce.Sdk;

namespace Commerce.GameSimulator.Wallet;

/// <summary>
/// A simulated player's wallet: a fresh secp256k1 key that signs EIP-191 personal messages, as a
/// browser or mobile wallet would for the SDK. A real game plugs in its own wallet instead.
/// </summary>
public sealed class ChainWalletSigner(EthPrivateKey key) : IWalletSigner
{
    public static ChainWalletSigner Generate() => new(EthPrivateKey.Generate());

    /// <summary>The key, for the wallet's own transactions (<see cref="WalletSender"/>); it never reaches the SDK.</summary>
    public EthPrivateKey Key { get; } = key;

    /// <summary>EIP-55 checksummed address.</summary>
    public string Address { get; } = key.Address.ToString();

    public Task<string> SignPersonalMessageAsync(string message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(PersonalMessage.Sign(Key, Encoding.UTF8.GetBytes(message)));
    }
}
