using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Commerce.Chain.Contracts.Messages;

/// <summary>The functions of contracts/src/TestStablecoin.sol (ERC-20, 6 decimals, owner-mintable) as Nethereum messages.</summary>
public static class TestStablecoinFunctions
{
    [Function("mint")]
    public sealed class Mint : FunctionMessage
    {
        [Parameter("address", "to", 1)]
        public string To { get; set; } = "";

        [Parameter("uint256", "amount", 2)]
        public BigInteger Amount { get; set; }
    }

    [Function("transfer", "bool")]
    public sealed class Transfer : FunctionMessage
    {
        [Parameter("address", "to", 1)]
        public string To { get; set; } = "";

        [Parameter("uint256", "value", 2)]
        public BigInteger Value { get; set; }
    }

    [Function("transferFrom", "bool")]
    public sealed class TransferFrom : FunctionMessage
    {
        [Parameter("address", "from", 1)]
        public string From { get; set; } = "";

        [Parameter("address", "to", 2)]
        public string To { get; set; } = "";

        [Parameter("uint256", "value", 3)]
        public BigInteger Value { get; set; }
    }

    [Function("approve", "bool")]
    public sealed class Approve : FunctionMessage
    {
        [Parameter("address", "spender", 1)]
        public string Spender { get; set; } = "";

        [Parameter("uint256", "value", 2)]
        public BigInteger Value { get; set; }
    }

    [Function("transferOwnership")]
    public sealed class TransferOwnership : FunctionMessage
    {
        [Parameter("address", "newOwner", 1)]
        public string NewOwner { get; set; } = "";
    }

    [Function("balanceOf", "uint256")]
    public sealed class BalanceOf : FunctionMessage
    {
        [Parameter("address", "account", 1)]
        public string Account { get; set; } = "";
    }

    [Function("allowance", "uint256")]
    public sealed class Allowance : FunctionMessage
    {
        [Parameter("address", "owner", 1)]
        public string Owner { get; set; } = "";

        [Parameter("address", "spender", 2)]
        public string Spender { get; set; } = "";
    }

    [Function("totalSupply", "uint256")]
    public sealed class TotalSupply : FunctionMessage;

    [Function("decimals", "uint8")]
    public sealed class Decimals : FunctionMessage;

    [Function("name", "string")]
    public sealed class Name : FunctionMessage;

    [Function("symbol", "string")]
    public sealed class Symbol : FunctionMessage;

    [Function("owner", "address")]
    public sealed class Owner : FunctionMessage;
}
