using System.Numerics;
using Commerce.Chain.Crypto;

namespace Commerce.Chain.Transactions;

/// <summary>
/// An unsigned transaction: our checked fields, encoded and hashed for signing by Nethereum (<see cref="ToNethereum"/>).
/// Raw transactions from outside are decoded by us, strictly (<see cref="SignedTransaction.Decode(ReadOnlySpan{byte})"/>).
/// </summary>
public interface ITransaction
{
    TransactionType Type { get; }

    /// <summary>The chain the signature binds to, or null for a pre-EIP-155 legacy transaction.</summary>
    ulong? ChainId { get; }

    ulong Nonce { get; }

    ulong GasLimit { get; }

    /// <summary>Recipient; null creates a contract.</summary>
    EthAddress? To { get; }

    BigInteger Value { get; }

    byte[] Data { get; }

    /// <summary>The same transaction as Nethereum's model (unsigned), which encodes and hashes it.</summary>
    Nethereum.Model.SignedTransaction ToNethereum();

    /// <summary>The bytes whose Keccak-256 is signed.</summary>
    byte[] EncodeForSigning();

    /// <summary>Keccak-256 of <see cref="EncodeForSigning"/>.</summary>
    byte[] SigningHash();

    /// <summary>The raw transaction (what eth_sendRawTransaction takes) with <paramref name="signature"/> attached.</summary>
    byte[] EncodeSigned(EthSignature signature);
}
