using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Commerce.Chain.Contracts.Messages;

/// <summary>OpenZeppelin AccessControl functions that GameItem and Checkout share, as Nethereum messages.</summary>
public static class AccessControlFunctions
{
    [Function("hasRole", "bool")]
    public sealed class HasRole : FunctionMessage
    {
        [Parameter("bytes32", "role", 1)]
        public byte[] Role { get; set; } = [];

        [Parameter("address", "account", 2)]
        public string Account { get; set; } = "";
    }

    [Function("grantRole")]
    public sealed class GrantRole : FunctionMessage
    {
        [Parameter("bytes32", "role", 1)]
        public byte[] Role { get; set; } = [];

        [Parameter("address", "account", 2)]
        public string Account { get; set; } = "";
    }

    [Function("revokeRole")]
    public sealed class RevokeRole : FunctionMessage
    {
        [Parameter("bytes32", "role", 1)]
        public byte[] Role { get; set; } = [];

        [Parameter("address", "account", 2)]
        public string Account { get; set; } = "";
    }

    [Function("renounceRole")]
    public sealed class RenounceRole : FunctionMessage
    {
        [Parameter("bytes32", "role", 1)]
        public byte[] Role { get; set; } = [];

        [Parameter("address", "callerConfirmation", 2)]
        public string CallerConfirmation { get; set; } = "";
    }

    [Function("getRoleAdmin", "bytes32")]
    public sealed class GetRoleAdmin : FunctionMessage
    {
        [Parameter("bytes32", "role", 1)]
        public byte[] Role { get; set; } = [];
    }

    [Function("supportsInterface", "bool")]
    public sealed class SupportsInterface : FunctionMessage
    {
        [Parameter("bytes4", "interfaceId", 1)]
        public byte[] InterfaceId { get; set; } = [];
    }
}
