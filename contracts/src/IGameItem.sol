// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @notice What the Checkout needs of a GameItem collection besides ERC-721.
interface IGameItem {
    function mint(address to, uint256 tokenId, string calldata uri) external;

    function exists(uint256 tokenId) external view returns (bool);
}
