using System.Numerics;
using Commerce.Chain.Abi;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace Commerce.Chain.Contracts.Messages;

/// <summary>The custom errors of contracts/src/TestStablecoin.sol as Nethereum [Error] types.</summary>
public static class TestStablecoinErrors
{
    [Error("OwnableUnauthorizedAccount")]
    public sealed class OwnableUnauthorizedAccount : IErrorDTO
    {
        [Parameter("address", "account", 1)]
        public string Account { get; set; } = "";
    }

    [Error("OwnableInvalidOwner")]
    public sealed class OwnableInvalidOwner : IErrorDTO
    {
        [Parameter("address", "owner", 1)]
        public string Owner { get; set; } = "";
    }

    /// <summary>Every custom error a TestStablecoin call can revert with.</summary>
    public static readonly CustomErrors All = new CustomErrors(typeof(OwnableUnauthorizedAccount), typeof(OwnableInvalidOwner)).With(OpenZeppelinErrors.Erc20);
}
