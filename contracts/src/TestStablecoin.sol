// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/// @title TestStablecoin: an ERC-20 dollar stand-in with 6 decimals, for tests and the demo.
/// @notice Its owner mints at will; it has no value and no peg.
contract TestStablecoin is ERC20, Ownable {
    constructor(address owner_) ERC20("Commerce Test Dollar", "cUSD") Ownable(owner_) {}

    /// @notice 6 decimals, like the common dollar stablecoins: 1 cUSD = 1_000_000 base units.
    function decimals() public pure override returns (uint8) {
        return 6;
    }

    function mint(address to, uint256 amount) external onlyOwner {
        _mint(to, amount);
    }
}
