using System.Text;
using Commerce.Chain.Crypto;
using Commerce.Chain.Signing;

namespace Commerce.Sdk.Tests.Support;

/// <summary>A real wallet for the tests against the Host: a secp256k1 key signing EIP-191 personal messages.</summary>
public sealed class KeyWalletSigner(EthPrivateKey key) : IWalletSigner
{
    public KeyWalletSigner()
        : this(EthPrivateKey.Generate())
    {
    }

    public EthPrivateKey Key { get; } = key;

    public string Address => Key.Address.ToString();

    public Task<string> SignPersonalMessageAsync(string message, CancellationToken cancellationToken) =>
        Task.FromResult(PersonalMessage.Sign(Key, Encoding.UTF8.GetBytes(message)));
}
