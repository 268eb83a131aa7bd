using System.Threading;
using System.Threading.Tasks;

namespace Commerce.Sdk
{
    /// <summary>
    /// The game's wallet. The SDK never holds keys: it asks the wallet to sign the server's
    /// Sign-In with Ethereum (EIP-4361) message with EIP-191 <c>personal_sign</c>.
    /// </summary>
    public interface IWalletSigner
    {
        /// <summary>The wallet address, 0x-prefixed hex (any case; EIP-55 is fine).</summary>
        string Address { get; }

        /// <summary>
        /// Signs <paramref name="message"/> (UTF-8) as <c>personal_sign</c> does: Keccak-256 over
        /// "\x19Ethereum Signed Message:\n" + byte length + message. Returns the 65-byte signature
        /// r || s || v as 0x-prefixed hex, v = 27 or 28.
        /// </summary>
        Task<string> SignPersonalMessageAsync(string message, CancellationToken cancellationToken);
    }
}
