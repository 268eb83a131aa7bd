using Commerce.Chain.Crypto;
using Commerce.Chain.Rlp;

namespace Commerce.Chain.Transactions;

/// <summary>Where a CREATE from <c>sender</c> at <c>nonce</c> puts the new contract.</summary>
public static class ContractAddress
{
    /// <summary>The last 20 bytes of keccak256(rlp([sender, nonce])).</summary>
    public static EthAddress FromSenderAndNonce(EthAddress sender, ulong nonce) =>
        EthAddress.FromBytes(Keccak256.Hash(RlpEncoder.EncodeList(RlpItem.String(sender.Bytes), RlpItem.UInt(nonce))).AsSpan(12));
}
