using Commerce.Chain.Abi;

namespace Commerce.Chain.Contracts;

/// <summary>The ABI of contracts/src/TestStablecoin.sol (ERC-20, 6 decimals, owner-mintable).</summary>
public static class TestStablecoinAbi
{
    public static readonly IReadOnlyList<AbiParameter> ConstructorInputs = AbiFunction.Parse("function constructor(address owner_)").Inputs;

    public static readonly AbiFunction Mint = AbiFunction.Parse("function mint(address to, uint256 amount)");
    public static readonly AbiFunction Transfer = AbiFunction.Parse("function transfer(address to, uint256 value) returns (bool)");
    public static readonly AbiFunction TransferFrom = AbiFunction.Parse("function transferFrom(address from, address to, uint256 value) returns (bool)");
    public static readonly AbiFunction Approve = AbiFunction.Parse("function approve(address spender, uint256 value) returns (bool)");
    public static readonly AbiFunction TransferOwnership = AbiFunction.Parse("function transferOwnership(address newOwner)");

    public static readonly AbiFunction BalanceOf = AbiFunction.Parse("function balanceOf(address account) view returns (uint256)");
    public static readonly AbiFunction Allowance = AbiFunction.Parse("function allowance(address owner, address spender) view returns (uint256)");
    public static readonly AbiFunction TotalSupply = AbiFunction.Parse("function totalSupply() view returns (uint256)");
    public static readonly AbiFunction Decimals = AbiFunction.Parse("function decimals() pure returns (uint8)");
    public static readonly AbiFunction Name = AbiFunction.Parse("function name() view returns (string)");
    public static readonly AbiFunction Symbol = AbiFunction.Parse("function symbol() view returns (string)");
    public static readonly AbiFunction Owner = AbiFunction.Parse("function owner() view returns (address)");

    public static readonly AbiEvent TransferEvent = AbiEvent.Parse("event Transfer(address indexed from, address indexed to, uint256 value)");
    public static readonly AbiEvent ApprovalEvent = AbiEvent.Parse("event Approval(address indexed owner, address indexed spender, uint256 value)");
    public static readonly AbiEvent OwnershipTransferred = AbiEvent.Parse("event OwnershipTransferred(address indexed previousOwner, address indexed newOwner)");

    public static readonly AbiError OwnableUnauthorizedAccount = AbiError.Parse("error OwnableUnauthorizedAccount(address account)");
    public static readonly AbiError OwnableInvalidOwner = AbiError.Parse("error OwnableInvalidOwner(address owner)");

    public static readonly IReadOnlyList<AbiError> Errors = [OwnableUnauthorizedAccount, OwnableInvalidOwner, .. CommonAbi.Erc20Errors];

    public static readonly IReadOnlyList<AbiEvent> Events = [TransferEvent, ApprovalEvent, OwnershipTransferred];
}
