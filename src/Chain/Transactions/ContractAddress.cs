using Commerce.Chain.Crypto;
using Nethereum.Util;

namespace Commerce.Chain.Transactions;

/// <summary>Where a CREATE from <c>sender</c> at <c>nonce</c> puts the new contract.</summary>
public static class ContractAddress
{
    /// <summary>The last 20 bytes of keccak256(rlp([sender, nonce])), as Nethereum computes it.</summary>
    public static EthAddress FromSenderAndNonce(EthAddress sender, ulong nonce) =>
        EthAddress.Parse(ContractUtils.CalculateContractAddress(sender.ToLowerHex(), nonce).ToLowerInvariant(), "contractAddress");
}
