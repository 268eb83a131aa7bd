using Commerce.Chain.Contracts;
using Commerce.Chain.Crypto;

namespace Commerce.Payments.Tests;

/// <summary>A funded test account: its key and a sender that signs with it.</summary>
public sealed record Actor(EthPrivateKey Key, SigningContractSender Sender)
{
    public EthAddress Address => Key.Address;
}
