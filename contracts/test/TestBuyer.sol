// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC721Holder} from "@openzeppelin/contracts/token/ERC721/utils/ERC721Holder.sol";
import {Checkout} from "../src/Checkout.sol";

/// @title TestBuyer: a buyer that is a contract, for the Checkout's tests only (never deployed for real).
/// @notice It buys through the Checkout and, when ETH comes back, accepts it, refuses it, or calls the
/// Checkout again with `reentryCall` (recording how that call failed in `lastReentryError`).
contract TestBuyer is ERC721Holder {
    enum OnEth {
        Accept,
        Reject,
        Reenter
    }

    Checkout public immutable checkout;
    OnEth public onEth;
    bytes public reentryCall;
    bytes public lastReentryError;
    uint256 public reentryAttempts;

    constructor(Checkout checkout_) {
        checkout = checkout_;
    }

    function setOnEth(OnEth mode, bytes calldata call) external {
        onEth = mode;
        reentryCall = call;
    }

    function purchase(Checkout.Quote calldata quote, bytes calldata signature) external payable {
        checkout.purchase{value: msg.value}(quote, signature);
    }

    function payInstallment(bytes32 purchaseId) external payable {
        checkout.payInstallment{value: msg.value}(purchaseId);
    }

    /// @notice Claims this buyer's credited refunds (refunds it refused) to `to`.
    function claim(address currency, address to) external {
        checkout.claim(currency, to);
    }

    receive() external payable {
        if (onEth == OnEth.Reject) revert("TestBuyer refuses ETH");
        if (onEth == OnEth.Reenter) {
            ++reentryAttempts;
            (bool ok, bytes memory error_) = address(checkout).call(reentryCall);
            if (!ok) lastReentryError = error_;
        }
    }
}
