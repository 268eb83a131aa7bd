// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";

/// @title GameItem: one collection of NFT game items (ERC-721).
/// @notice Accounts with MINTER_ROLE (the Checkout contract, the airdrop service) mint items; the
/// DEFAULT_ADMIN_ROLE grants and revokes roles and sets the base URI. A token's URI is the full
/// URI given at mint when there was one, else baseURI followed by the decimal token id.
/// Every mint is a safe mint: a contract recipient must accept ERC-721 tokens.
contract GameItem is ERC721, AccessControl {
    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");

    string private _baseTokenURI;
    mapping(uint256 tokenId => string) private _itemURIs;

    /// @notice The base URI changed (token URIs without their own URI change with it).
    event BaseURIChanged(string baseURI);

    /// @notice A batch mint's arrays differ in length (uris may also be empty: all use the base URI).
    error BatchLengthMismatch(uint256 recipients, uint256 tokenIds, uint256 uris);

    /// @notice A batch mint with no item.
    error EmptyBatch();

    /// @notice The zero address where an account is needed.
    error ZeroAdmin();

    constructor(string memory name_, string memory symbol_, string memory baseURI_, address admin)
        ERC721(name_, symbol_)
    {
        if (admin == address(0)) revert ZeroAdmin();
        _baseTokenURI = baseURI_;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
    }

    /// @notice Mints `tokenId` to `to`; `uri` empty means baseURI + tokenId.
    function mint(address to, uint256 tokenId, string calldata uri) external onlyRole(MINTER_ROLE) {
        _mintItem(to, tokenId, uri);
    }

    /// @notice Mints one item per recipient (airdrops). `uris` is empty or as long as `recipients`.
    /// The batch is all or nothing: one failing mint (existing id, refusing contract) reverts it.
    function mintBatch(address[] calldata recipients, uint256[] calldata tokenIds, string[] calldata uris)
        external
        onlyRole(MINTER_ROLE)
    {
        uint256 count = recipients.length;
        if (count == 0) revert EmptyBatch();
        if (tokenIds.length != count || (uris.length != 0 && uris.length != count)) {
            revert BatchLengthMismatch(count, tokenIds.length, uris.length);
        }
        for (uint256 i = 0; i < count; ++i) {
            _mintItem(recipients[i], tokenIds[i], uris.length == 0 ? "" : uris[i]);
        }
    }

    /// @notice Whether `tokenId` has been minted (and not burned).
    function exists(uint256 tokenId) external view returns (bool) {
        return _ownerOf(tokenId) != address(0);
    }

    function setBaseURI(string calldata baseURI_) external onlyRole(DEFAULT_ADMIN_ROLE) {
        _baseTokenURI = baseURI_;
        emit BaseURIChanged(baseURI_);
    }

    /// @notice The item's own URI if it was minted with one, else baseURI + tokenId.
    function tokenURI(uint256 tokenId) public view override returns (string memory) {
        _requireOwned(tokenId);
        string memory own = _itemURIs[tokenId];
        return bytes(own).length != 0 ? own : super.tokenURI(tokenId);
    }

    function supportsInterface(bytes4 interfaceId)
        public
        view
        override(ERC721, AccessControl)
        returns (bool)
    {
        return super.supportsInterface(interfaceId);
    }

    function _mintItem(address to, uint256 tokenId, string memory uri) private {
        _safeMint(to, tokenId);
        if (bytes(uri).length != 0) {
            _itemURIs[tokenId] = uri;
        }
    }

    function _baseURI() internal view override returns (string memory) {
        return _baseTokenURI;
    }
}
