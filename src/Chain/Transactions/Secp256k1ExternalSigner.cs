using Commerce.Chain.Crypto;
using Nethereum.Signer;
using Nethereum.Signer.Crypto;
using Model = Nethereum.Model;

namespace Commerce.Chain.Transactions;

/// <summary>
/// Nethereum's external-signer interface with our libsecp256k1 signer behind it: Nethereum encodes
/// and hashes the transaction (its signing hash, EIP-155 legacy or typed), the signature comes from
/// <see cref="EthPrivateKey.Sign"/>, and the v is ours to set (<see cref="CalculatesV"/>), so no
/// BouncyCastle curve arithmetic runs. Usable wherever Nethereum takes an <see cref="IEthExternalSigner"/>;
/// <see cref="Sign"/> is the same work without a Task, for the executor's hot path.
/// </summary>
public sealed class Secp256k1ExternalSigner(EthPrivateKey key) : EthExternalSignerBase
{
    public EthAddress Address => key.Address;

    public override bool CalculatesV { get; protected set; } = true;

    public override ExternalSignerTransactionFormat ExternalSignerTransactionFormat { get; protected set; } = ExternalSignerTransactionFormat.Hash;

    public override bool Supported1559 => true;

    /// <summary>Signs <paramref name="transaction"/>'s signing hash and attaches the signature; returns it.</summary>
    public EthSignature Sign(Model.SignedTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var signature = key.Sign(transaction.RawHash);
        TransactionSignatures.Attach(transaction, signature);
        return signature;
    }

    public override Task<string> GetAddressAsync() => Task.FromResult(key.Address.ToString());

    public override Task SignAsync(Model.LegacyTransactionChainId transaction) => SignedAsync(transaction);

    public override Task SignAsync(Model.LegacyTransaction transaction) => SignedAsync(transaction);

    public override Task SignAsync(Model.Transaction1559 transaction) => SignedAsync(transaction);

    public override Task SignAsync(Model.Transaction7702 transaction) => SignedAsync(transaction);

    protected override Task<byte[]> GetPublicKeyAsync() => Task.FromResult<byte[]>([0x04, .. key.PublicKey.ToBytes()]);

    /// <summary>A hash signed for Nethereum's message and typed-data paths: v = 27 + yParity, as they expect when the signer calculates v.</summary>
    protected override Task<ECDSASignature> SignExternallyAsync(byte[] bytes)
    {
        var signature = key.Sign(bytes);
        var result = new ECDSASignature(
            new Org.BouncyCastle.Math.BigInteger(1, signature.R.ToArray()),
            new Org.BouncyCastle.Math.BigInteger(1, signature.S.ToArray()))
        {
            V = [signature.V],
        };
        return Task.FromResult(result);
    }

    private Task SignedAsync(Model.SignedTransaction transaction)
    {
        Sign(transaction);
        return Task.CompletedTask;
    }
}
