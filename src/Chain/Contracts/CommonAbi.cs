using Commerce.Chain.Abi;

namespace Commerce.Chain.Contracts;

/// <summary>ABI items that several of our contracts share (OpenZeppelin AccessControl, ERC-20 and ERC-721 errors).</summary>
public static class CommonAbi
{
    public static readonly AbiFunction HasRole = AbiFunction.Parse("function hasRole(bytes32 role, address account) view returns (bool)");
    public static readonly AbiFunction GrantRole = AbiFunction.Parse("function grantRole(bytes32 role, address account)");
    public static readonly AbiFunction RevokeRole = AbiFunction.Parse("function revokeRole(bytes32 role, address account)");
    public static readonly AbiFunction RenounceRole = AbiFunction.Parse("function renounceRole(bytes32 role, address callerConfirmation)");
    public static readonly AbiFunction GetRoleAdmin = AbiFunction.Parse("function getRoleAdmin(bytes32 role) view returns (bytes32)");
    public static readonly AbiFunction SupportsInterface = AbiFunction.Parse("function supportsInterface(bytes4 interfaceId) view returns (bool)");

    public static readonly AbiEvent RoleGranted = AbiEvent.Parse("event RoleGranted(bytes32 indexed role, address indexed account, address indexed sender)");
    public static readonly AbiEvent RoleRevoked = AbiEvent.Parse("event RoleRevoked(bytes32 indexed role, address indexed account, address indexed sender)");
    public static readonly AbiEvent RoleAdminChanged = AbiEvent.Parse("event RoleAdminChanged(bytes32 indexed role, bytes32 indexed previousAdminRole, bytes32 indexed newAdminRole)");

    public static readonly IReadOnlyList<AbiError> AccessControlErrors =
    [
        AbiError.Parse("error AccessControlUnauthorizedAccount(address account, bytes32 neededRole)"),
        AbiError.Parse("error AccessControlBadConfirmation()"),
    ];

    public static readonly IReadOnlyList<AbiError> Erc721Errors =
    [
        AbiError.Parse("error ERC721InvalidOwner(address owner)"),
        AbiError.Parse("error ERC721NonexistentToken(uint256 tokenId)"),
        AbiError.Parse("error ERC721IncorrectOwner(address sender, uint256 tokenId, address owner)"),
        AbiError.Parse("error ERC721InvalidSender(address sender)"),
        AbiError.Parse("error ERC721InvalidReceiver(address receiver)"),
        AbiError.Parse("error ERC721InsufficientApproval(address operator, uint256 tokenId)"),
        AbiError.Parse("error ERC721InvalidApprover(address approver)"),
        AbiError.Parse("error ERC721InvalidOperator(address operator)"),
    ];

    public static readonly IReadOnlyList<AbiError> Erc20Errors =
    [
        AbiError.Parse("error ERC20InsufficientBalance(address sender, uint256 balance, uint256 needed)"),
        AbiError.Parse("error ERC20InvalidSender(address sender)"),
        AbiError.Parse("error ERC20InvalidReceiver(address receiver)"),
        AbiError.Parse("error ERC20InsufficientAllowance(address spender, uint256 allowance, uint256 needed)"),
        AbiError.Parse("error ERC20InvalidApprover(address approver)"),
        AbiError.Parse("error ERC20InvalidSpender(address spender)"),
    ];
}
