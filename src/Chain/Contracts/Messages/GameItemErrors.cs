using System.Numerics;
using Commerce.Chain.Abi;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace Commerce.Chain.Contracts.Messages;

/// <summary>The custom errors of contracts/src/GameItem.sol as Nethereum [Error] types.</summary>
public static class GameItemErrors
{
    [Error("BatchLengthMismatch")]
    public sealed class BatchLengthMismatch : IErrorDTO
    {
        [Parameter("uint256", "recipients", 1)]
        public BigInteger Recipients { get; set; }

        [Parameter("uint256", "tokenIds", 2)]
        public BigInteger TokenIds { get; set; }

        [Parameter("uint256", "uris", 3)]
        public BigInteger Uris { get; set; }
    }

    [Error("EmptyBatch")]
    public sealed class EmptyBatch : IErrorDTO;

    [Error("ZeroAdmin")]
    public sealed class ZeroAdmin : IErrorDTO;

    /// <summary>Every custom error a GameItem call can revert with.</summary>
    public static readonly CustomErrors All = new CustomErrors(typeof(BatchLengthMismatch), typeof(EmptyBatch), typeof(ZeroAdmin))
        .With(OpenZeppelinErrors.AccessControl)
        .With(OpenZeppelinErrors.Erc721);
}
