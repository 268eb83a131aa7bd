// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/// @title TestBlocklistToken: an ERC-20 with a blocklist, as regulated dollar tokens have one, for the Checkout's tests only.
/// @notice Its owner mints and blocks; a blocked address can neither send nor receive: every transfer to or from it
/// reverts with `Blocklisted`. Same mint/approve/balanceOf as TestStablecoin, 6 decimals.
contract TestBlocklistToken is ERC20, Ownable {
    mapping(address account => bool) public blocked;

    error Blocklisted(address account);

    constructor(address owner_) ERC20("Commerce Test Blocklist Dollar", "cBLK") Ownable(owner_) {}

    function decimals() public pure override returns (uint8) {
        return 6;
    }

    function mint(address to, uint256 amount) external onlyOwner {
        _mint(to, amount);
    }

    function setBlocked(address account, bool isBlocked) external onlyOwner {
        blocked[account] = isBlocked;
    }

    function _update(address from, address to, uint256 value) internal override {
        if (blocked[from]) revert Blocklisted(from);
        if (blocked[to]) revert Blocklisted(to);
        super._update(from, to, value);
    }
}
