using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace Commerce.Chain.Contracts.Messages;

/// <summary>The events of contracts/src/GameItem.sol as Nethereum [Event] types.</summary>
public static class GameItemEvents
{
    [Event("Transfer")]
    public sealed class Transfer : IEventDTO
    {
        [Parameter("address", "from", 1, true)]
        public string From { get; set; } = "";

        [Parameter("address", "to", 2, true)]
        public string To { get; set; } = "";

        [Parameter("uint256", "tokenId", 3, true)]
        public BigInteger TokenId { get; set; }
    }

    [Event("Approval")]
    public sealed class Approval : IEventDTO
    {
        [Parameter("address", "owner", 1, true)]
        public string Owner { get; set; } = "";

        [Parameter("address", "approved", 2, true)]
        public string Approved { get; set; } = "";

        [Parameter("uint256", "tokenId", 3, true)]
        public BigInteger TokenId { get; set; }
    }

    [Event("ApprovalForAll")]
    public sealed class ApprovalForAll : IEventDTO
    {
        [Parameter("address", "owner", 1, true)]
        public string Owner { get; set; } = "";

        [Parameter("address", "operator", 2, true)]
        public string Operator { get; set; } = "";

        [Parameter("bool", "approved", 3)]
        public bool Approved { get; set; }
    }

    [Event("BaseURIChanged")]
    public sealed class BaseURIChanged : IEventDTO
    {
        [Parameter("string", "baseURI", 1)]
        public string BaseURI { get; set; } = "";
    }

    /// <summary>Every event the contract emits.</summary>
    public static readonly IReadOnlyList<Type> All = [typeof(Transfer), typeof(Approval), typeof(ApprovalForAll), typeof(BaseURIChanged), .. AccessControlEvents.All];
}
