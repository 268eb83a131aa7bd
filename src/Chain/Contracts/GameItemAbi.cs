using Commerce.Chain.Abi;

namespace Commerce.Chain.Contracts;

/// <summary>The ABI of contracts/src/GameItem.sol (ERC-721 with a minter role), for encoding calls and decoding logs and reverts.</summary>
public static class GameItemAbi
{
    public static readonly IReadOnlyList<AbiParameter> ConstructorInputs =
        AbiFunction.Parse("function constructor(string name_, string symbol_, string baseURI_, address admin)").Inputs;

    public static readonly AbiFunction Mint = AbiFunction.Parse("function mint(address to, uint256 tokenId, string uri)");
    public static readonly AbiFunction MintBatch = AbiFunction.Parse("function mintBatch(address[] recipients, uint256[] tokenIds, string[] uris)");
    public static readonly AbiFunction SafeTransferFrom = AbiFunction.Parse("function safeTransferFrom(address from, address to, uint256 tokenId)");
    public static readonly AbiFunction SafeTransferFromWithData = AbiFunction.Parse("function safeTransferFrom(address from, address to, uint256 tokenId, bytes data)");
    public static readonly AbiFunction TransferFrom = AbiFunction.Parse("function transferFrom(address from, address to, uint256 tokenId)");
    public static readonly AbiFunction Approve = AbiFunction.Parse("function approve(address to, uint256 tokenId)");
    public static readonly AbiFunction SetApprovalForAll = AbiFunction.Parse("function setApprovalForAll(address operator, bool approved)");
    public static readonly AbiFunction SetBaseUri = AbiFunction.Parse("function setBaseURI(string baseURI_)");

    public static readonly AbiFunction OwnerOf = AbiFunction.Parse("function ownerOf(uint256 tokenId) view returns (address)");
    public static readonly AbiFunction BalanceOf = AbiFunction.Parse("function balanceOf(address owner) view returns (uint256)");
    public static readonly AbiFunction TokenUri = AbiFunction.Parse("function tokenURI(uint256 tokenId) view returns (string)");
    public static readonly AbiFunction Exists = AbiFunction.Parse("function exists(uint256 tokenId) view returns (bool)");
    public static readonly AbiFunction GetApproved = AbiFunction.Parse("function getApproved(uint256 tokenId) view returns (address)");
    public static readonly AbiFunction IsApprovedForAll = AbiFunction.Parse("function isApprovedForAll(address owner, address operator) view returns (bool)");
    public static readonly AbiFunction Name = AbiFunction.Parse("function name() view returns (string)");
    public static readonly AbiFunction Symbol = AbiFunction.Parse("function symbol() view returns (string)");
    public static readonly AbiFunction MinterRole = AbiFunction.Parse("function MINTER_ROLE() view returns (bytes32)");
    public static readonly AbiFunction DefaultAdminRole = AbiFunction.Parse("function DEFAULT_ADMIN_ROLE() view returns (bytes32)");

    public static readonly AbiEvent Transfer = AbiEvent.Parse("event Transfer(address indexed from, address indexed to, uint256 indexed tokenId)");
    public static readonly AbiEvent Approval = AbiEvent.Parse("event Approval(address indexed owner, address indexed approved, uint256 indexed tokenId)");
    public static readonly AbiEvent ApprovalForAll = AbiEvent.Parse("event ApprovalForAll(address indexed owner, address indexed operator, bool approved)");
    public static readonly AbiEvent BaseUriChanged = AbiEvent.Parse("event BaseURIChanged(string baseURI)");

    public static readonly AbiError BatchLengthMismatch = AbiError.Parse("error BatchLengthMismatch(uint256 recipients, uint256 tokenIds, uint256 uris)");
    public static readonly AbiError EmptyBatch = AbiError.Parse("error EmptyBatch()");
    public static readonly AbiError ZeroAdmin = AbiError.Parse("error ZeroAdmin()");

    /// <summary>Every custom error a GameItem call can revert with.</summary>
    public static readonly IReadOnlyList<AbiError> Errors =
        [BatchLengthMismatch, EmptyBatch, ZeroAdmin, .. CommonAbi.AccessControlErrors, .. CommonAbi.Erc721Errors];

    public static readonly IReadOnlyList<AbiEvent> Events =
        [Transfer, Approval, ApprovalForAll, BaseUriChanged, CommonAbi.RoleGranted, CommonAbi.RoleRevoked, CommonAbi.RoleAdminChanged];
}
