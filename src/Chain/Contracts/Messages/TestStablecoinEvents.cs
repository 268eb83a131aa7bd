using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace Commerce.Chain.Contracts.Messages;

/// <summary>The events of contracts/src/TestStablecoin.sol as Nethereum [Event] types.</summary>
public static class TestStablecoinEvents
{
    [Event("Transfer")]
    public sealed class Transfer : IEventDTO
    {
        [Parameter("address", "from", 1, true)]
        public string From { get; set; } = "";

        [Parameter("address", "to", 2, true)]
        public string To { get; set; } = "";

        [Parameter("uint256", "value", 3)]
        public BigInteger Value { get; set; }
    }

    [Event("Approval")]
    public sealed class Approval : IEventDTO
    {
        [Parameter("address", "owner", 1, true)]
        public string Owner { get; set; } = "";

        [Parameter("address", "spender", 2, true)]
        public string Spender { get; set; } = "";

        [Parameter("uint256", "value", 3)]
        public BigInteger Value { get; set; }
    }

    [Event("OwnershipTransferred")]
    public sealed class OwnershipTransferred : IEventDTO
    {
        [Parameter("address", "previousOwner", 1, true)]
        public string PreviousOwner { get; set; } = "";

        [Parameter("address", "newOwner", 2, true)]
        public string NewOwner { get; set; } = "";
    }

    /// <summary>Every event the contract emits.</summary>
    public static readonly IReadOnlyList<Type> All = [typeof(Transfer), typeof(Approval), typeof(OwnershipTransferred)];
}
