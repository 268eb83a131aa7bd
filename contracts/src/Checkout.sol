// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {ERC721Holder} from "@openzeppelin/contracts/token/ERC721/utils/ERC721Holder.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {ReentrancyGuard} from "@openzeppelin/contracts/utils/ReentrancyGuard.sol";
import {IGameItem} from "./IGameItem.sol";

/// @title Checkout: pays for NFT game items against price quotes signed by the platform.
/// @notice A buyer pays in ETH or in an ERC-20 against an EIP-712 `Quote` (docs/QUOTE.md) signed by
/// `quoteSigner`. A quote is refused when expired, used before (its nonce), altered, issued to
/// another wallet, or paid with the wrong amount. The purchase id is the quote's nonce.
///
/// Paid in full (installments == 1): the item is minted to the buyer through the collection
/// (this contract holds its MINTER_ROLE), or transferred if this contract holds it already.
///
/// Installment plan (installments == N > 1), "buy now, pay later":
/// - N payments. Each of payments 2..N is `price / N` (rounded down); the down payment, paid with
///   the purchase, is the rest: `price - (N - 1) * (price / N)`.
/// - Payment k (k = 1..N-1, after the down payment k = 0) is due by `startedAt + k * installmentInterval`,
///   inclusive; `installmentInterval` is fixed per deployment by the constructor.
/// - The item is minted (or moved) into escrow here at the purchase and released to the buyer with
///   the last payment; the plan's money is not revenue (not withdrawable) until then.
/// - A payment after its deadline is refused. Once a deadline has passed unpaid, anyone may call
///   `declareDefault`: the item stays with this contract (reclaimed: out of escrow, for sale again),
///   the buyer gets back what they paid minus DEFAULT_PENALTY_BPS (10%) of it, rounded in the
///   buyer's disfavour by at most one base unit, and the penalty becomes revenue.
///
/// Refunds cannot be blocked by their recipient: a refund (default or compensation) is sent at once
/// when the recipient takes it (ETH with at most REFUND_GAS gas; an ERC-20 `transfer` that succeeds),
/// and otherwise credited to the recipient in `owed` (event RefundCredited) instead of reverting. The
/// recipient takes a credit with `claim(currency, to)` (to any address: a blocklisted one names
/// another); an operator may retry sending it to the recipient itself with `payOwed`. Credits are
/// never revenue and cannot be withdrawn by the treasury.
///
/// Compensation refund: an OPERATOR_ROLE account may refund a completed purchase (paid in full, or
/// a completed plan) whose delivery failed off-chain. It pays back the full price, once; the item
/// is not taken back. It is paid out of revenue, so it fails if the treasury withdrew that money.
///
/// Funds: revenue per currency (full purchases, completed plans, default penalties, less refunds)
/// is withdrawable by TREASURER_ROLE. Money of active plans is never withdrawable.
contract Checkout is AccessControl, ReentrancyGuard, EIP712, ERC721Holder {
    using SafeERC20 for IERC20;

    bytes32 public constant OPERATOR_ROLE = keccak256("OPERATOR_ROLE");
    bytes32 public constant TREASURER_ROLE = keccak256("TREASURER_ROLE");
    bytes32 public constant QUOTE_TYPEHASH = keccak256(
        "Quote(address collection,uint256 tokenId,address buyer,address currency,uint256 price,uint16 installments,uint64 expiry,bytes32 nonce)"
    );
    /// @notice The most payments a plan may have.
    uint16 public constant MAX_INSTALLMENTS = 24;
    /// @notice The share of what was paid that a defaulting buyer forfeits, in basis points (10%).
    uint16 public constant DEFAULT_PENALTY_BPS = 1_000;
    /// @notice Gas given to an ETH refund's recipient: enough for a contract wallet's receive, too little to grief.
    uint256 public constant REFUND_GAS = 100_000;

    /// @notice Seconds between a plan's start and its first installment deadline, and between deadlines.
    uint64 public immutable installmentInterval;

    /// @notice The account whose EIP-712 signature makes a quote valid.
    address public quoteSigner;

    enum Status {
        None,
        Active,
        Completed,
        Defaulted,
        Refunded
    }

    /// @notice The signed price quote (docs/QUOTE.md); field order is part of the EIP-712 type.
    struct Quote {
        address collection;
        uint256 tokenId;
        address buyer;
        address currency;
        uint256 price;
        uint16 installments;
        uint64 expiry;
        bytes32 nonce;
    }

    struct Purchase {
        address buyer;
        uint64 startedAt;
        uint16 installments;
        uint16 paymentsMade;
        address collection;
        Status status;
        address currency;
        uint256 tokenId;
        uint256 price;
        uint256 paid;
    }

    mapping(bytes32 purchaseId => Purchase) private _purchases;
    /// @notice Withdrawable money per currency (address(0) is ETH).
    mapping(address currency => uint256) public revenue;
    /// @notice Refunds their recipients did not take, per currency and recipient: theirs to claim, never revenue.
    mapping(address currency => mapping(address account => uint256)) public owed;
    /// @notice Items held here for an active plan.
    mapping(address collection => mapping(uint256 tokenId => bool)) public inEscrow;

    /// @notice A quote was paid: in full (installments == 1, item delivered) or as a plan's down payment (item in escrow).
    event Purchased(
        bytes32 indexed purchaseId,
        address indexed buyer,
        address indexed collection,
        uint256 tokenId,
        address currency,
        uint256 price,
        uint16 installments,
        uint256 amountPaid,
        uint64 nextDeadline
    );
    /// @notice Installment `index` (1..N-1) of a plan was paid; nextDeadline is 0 after the last one.
    event InstallmentPaid(
        bytes32 indexed purchaseId, address indexed buyer, uint16 index, uint256 amount, uint256 totalPaid, uint64 nextDeadline
    );
    /// @notice A plan was paid in full and its item released to the buyer.
    event PlanCompleted(bytes32 indexed purchaseId, address indexed buyer, address indexed collection, uint256 tokenId);
    /// @notice A plan missed a deadline: the item was reclaimed, `refund` paid back to the buyer, `penalty` kept.
    event PlanDefaulted(
        bytes32 indexed purchaseId, address indexed buyer, address declaredBy, uint256 refund, uint256 penalty
    );
    /// @notice A completed purchase was refunded by an operator (compensation for a failed delivery).
    event Refunded(bytes32 indexed purchaseId, address indexed buyer, address currency, uint256 amount);
    event Withdrawn(address indexed currency, address indexed to, uint256 amount);
    /// @notice A refund its recipient did not take (reverted, or a token refused the transfer) was credited to it in `owed`.
    event RefundCredited(bytes32 indexed purchaseId, address indexed account, address currency, uint256 amount);
    /// @notice A credit in `owed` was paid out: claimed by its owner (to `to`), or sent to it by an operator (`to` == account).
    event OwedPaid(address indexed account, address indexed currency, address to, uint256 amount);
    event QuoteSignerChanged(address indexed previousSigner, address indexed newSigner);
    /// @notice An item held here (and not in escrow) was sent out by an operator.
    event ItemReleased(address indexed collection, uint256 tokenId, address indexed to);

    error QuoteExpired(uint64 expiry, uint256 blockTime);
    error NotQuoteBuyer(address buyer, address sender);
    error QuoteAlreadyUsed(bytes32 nonce);
    error InvalidQuoteSignature(address recovered);
    error InvalidInstallments(uint16 installments);
    error PriceTooLow(uint256 price, uint16 installments);
    error WrongAmount(uint256 expected, uint256 sent);
    error ItemNotForSale(address collection, uint256 tokenId, address owner);
    error ItemInEscrow(address collection, uint256 tokenId);
    error UnknownPurchase(bytes32 purchaseId);
    error PlanNotActive(bytes32 purchaseId, Status status);
    error NotPlanBuyer(address buyer, address sender);
    error InstallmentLate(bytes32 purchaseId, uint64 deadline, uint256 blockTime);
    error NotInDefault(bytes32 purchaseId, uint64 deadline, uint256 blockTime);
    error NotRefundable(bytes32 purchaseId, Status status);
    error InsufficientRevenue(address currency, uint256 available, uint256 requested);
    error EthTransferFailed(address to, uint256 amount);
    error NothingOwed(address account, address currency);
    error ZeroAddress(string field);
    error ZeroInterval();

    /// @param admin gets DEFAULT_ADMIN_ROLE (grants OPERATOR_ROLE and TREASURER_ROLE, changes the quote signer).
    /// @param signer the platform's quote signer.
    /// @param interval_ seconds between installment deadlines (installmentInterval).
    constructor(address admin, address signer, uint64 interval_) EIP712("CommerceCheckout", "1") {
        if (admin == address(0)) revert ZeroAddress("admin");
        if (signer == address(0)) revert ZeroAddress("signer");
        if (interval_ == 0) revert ZeroInterval();
        installmentInterval = interval_;
        quoteSigner = signer;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        emit QuoteSignerChanged(address(0), signer);
    }

    // ---------------------------------------------------------------- buying

    /// @notice Pays for `quote`: the full price when quote.installments == 1, else the plan's down payment.
    /// For ETH send exactly that amount as value; for an ERC-20 approve it first and send no value.
    /// @return purchaseId the quote's nonce.
    function purchase(Quote calldata quote, bytes calldata signature)
        external
        payable
        nonReentrant
        returns (bytes32 purchaseId)
    {
        _checkQuote(quote, signature);
        purchaseId = quote.nonce;
        bool inFull = quote.installments == 1;
        uint256 due = inFull ? quote.price : downPayment(quote.price, quote.installments);
        _checkValue(quote.currency, due);

        Purchase storage p = _purchases[purchaseId];
        p.buyer = quote.buyer;
        p.startedAt = uint64(block.timestamp);
        p.installments = quote.installments;
        p.paymentsMade = 1;
        p.collection = quote.collection;
        p.currency = quote.currency;
        p.tokenId = quote.tokenId;
        p.price = quote.price;
        p.paid = due;
        uint64 next;
        if (inFull) {
            p.status = Status.Completed;
            revenue[quote.currency] += quote.price;
        } else {
            p.status = Status.Active;
            inEscrow[quote.collection][quote.tokenId] = true;
            next = uint64(block.timestamp) + installmentInterval;
        }
        emit Purchased(
            purchaseId, quote.buyer, quote.collection, quote.tokenId, quote.currency, quote.price, quote.installments, due, next
        );

        _collect(quote.currency, due);
        _deliver(quote.collection, quote.tokenId, inFull ? quote.buyer : address(this));
    }

    /// @notice Pays the next installment of plan `purchaseId` (the buyer only, by its deadline, exactly installmentAmount).
    function payInstallment(bytes32 purchaseId) external payable nonReentrant {
        Purchase storage p = _activePlan(purchaseId);
        if (msg.sender != p.buyer) revert NotPlanBuyer(p.buyer, msg.sender);
        uint64 deadline = _deadline(p);
        if (block.timestamp > deadline) revert InstallmentLate(purchaseId, deadline, block.timestamp);
        uint256 amount = installmentAmount(p.price, p.installments);
        _checkValue(p.currency, amount);

        uint16 index = p.paymentsMade;
        p.paymentsMade = index + 1;
        p.paid += amount;
        bool last = p.paymentsMade == p.installments;
        if (last) {
            p.status = Status.Completed;
            inEscrow[p.collection][p.tokenId] = false;
            revenue[p.currency] += p.price;
        }
        emit InstallmentPaid(purchaseId, p.buyer, index, amount, p.paid, last ? 0 : _deadline(p));
        if (last) emit PlanCompleted(purchaseId, p.buyer, p.collection, p.tokenId);

        _collect(p.currency, amount);
        if (last) IERC721(p.collection).safeTransferFrom(address(this), p.buyer, p.tokenId);
    }

    /// @notice Pays off plan `purchaseId` early (the buyer only, by the current deadline): everything not yet paid,
    /// `price - paid`, at once, in the plan's currency. Logged as one InstallmentPaid (index = the installment that
    /// was due, amount = the remainder, nextDeadline 0) and PlanCompleted; the item is released as with the last installment.
    function payOff(bytes32 purchaseId) external payable nonReentrant {
        Purchase storage p = _activePlan(purchaseId);
        if (msg.sender != p.buyer) revert NotPlanBuyer(p.buyer, msg.sender);
        uint64 deadline = _deadline(p);
        if (block.timestamp > deadline) revert InstallmentLate(purchaseId, deadline, block.timestamp);
        uint256 amount = p.price - p.paid;
        _checkValue(p.currency, amount);

        uint16 index = p.paymentsMade;
        p.paymentsMade = p.installments;
        p.paid = p.price;
        p.status = Status.Completed;
        inEscrow[p.collection][p.tokenId] = false;
        revenue[p.currency] += p.price;
        emit InstallmentPaid(purchaseId, p.buyer, index, amount, p.price, 0);
        emit PlanCompleted(purchaseId, p.buyer, p.collection, p.tokenId);

        _collect(p.currency, amount);
        IERC721(p.collection).safeTransferFrom(address(this), p.buyer, p.tokenId);
    }

    /// @notice Ends plan `purchaseId` after a missed deadline; anyone may call it.
    /// The item is reclaimed (stays here, out of escrow, for sale again); the buyer is refunded
    /// `paid - paid * DEFAULT_PENALTY_BPS / 10000`; the penalty becomes revenue.
    function declareDefault(bytes32 purchaseId) external nonReentrant {
        Purchase storage p = _activePlan(purchaseId);
        uint64 deadline = _deadline(p);
        if (block.timestamp <= deadline) revert NotInDefault(purchaseId, deadline, block.timestamp);
        (uint256 refundAmount, uint256 penalty) = defaultRefund(p.paid);

        p.status = Status.Defaulted;
        inEscrow[p.collection][p.tokenId] = false;
        revenue[p.currency] += penalty;
        emit PlanDefaulted(purchaseId, p.buyer, msg.sender, refundAmount, penalty);

        _refund(purchaseId, p.currency, p.buyer, refundAmount);
    }

    // ---------------------------------------------------------------- platform

    /// @notice Compensation: pays the full price of completed purchase `purchaseId` back to its buyer, once.
    function refund(bytes32 purchaseId) external onlyRole(OPERATOR_ROLE) nonReentrant {
        Purchase storage p = _purchases[purchaseId];
        if (p.status == Status.None) revert UnknownPurchase(purchaseId);
        if (p.status != Status.Completed) revert NotRefundable(purchaseId, p.status);
        uint256 amount = p.paid;
        uint256 available = revenue[p.currency];
        if (available < amount) revert InsufficientRevenue(p.currency, available, amount);

        p.status = Status.Refunded;
        revenue[p.currency] = available - amount;
        emit Refunded(purchaseId, p.buyer, p.currency, amount);

        _refund(purchaseId, p.currency, p.buyer, amount);
    }

    /// @notice Pays the caller's credited refunds in `currency` (address(0) for ETH) to `to`, all of it.
    function claim(address currency, address to) external nonReentrant {
        if (to == address(0)) revert ZeroAddress("to");
        uint256 amount = _takeOwed(msg.sender, currency);
        emit OwedPaid(msg.sender, currency, to, amount);
        _pay(currency, to, amount);
    }

    /// @notice The operator's way out for a credited refund: sends it to its recipient itself (never elsewhere).
    function payOwed(address account, address currency) external onlyRole(OPERATOR_ROLE) nonReentrant {
        uint256 amount = _takeOwed(account, currency);
        emit OwedPaid(account, currency, account, amount);
        _pay(currency, account, amount);
    }

    /// @notice Sends `amount` of revenue in `currency` (address(0) for ETH) to `to`.
    function withdraw(address currency, address to, uint256 amount) external onlyRole(TREASURER_ROLE) nonReentrant {
        if (to == address(0)) revert ZeroAddress("to");
        uint256 available = revenue[currency];
        if (available < amount) revert InsufficientRevenue(currency, available, amount);
        revenue[currency] = available - amount;
        emit Withdrawn(currency, to, amount);
        _pay(currency, to, amount);
    }

    /// @notice Sends an item this contract holds, and that no plan holds in escrow (a reclaimed one), to `to`.
    function releaseItem(address collection, uint256 tokenId, address to) external onlyRole(OPERATOR_ROLE) nonReentrant {
        if (to == address(0)) revert ZeroAddress("to");
        if (inEscrow[collection][tokenId]) revert ItemInEscrow(collection, tokenId);
        emit ItemReleased(collection, tokenId, to);
        IERC721(collection).safeTransferFrom(address(this), to, tokenId);
    }

    function setQuoteSigner(address signer) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (signer == address(0)) revert ZeroAddress("signer");
        emit QuoteSignerChanged(quoteSigner, signer);
        quoteSigner = signer;
    }

    // ---------------------------------------------------------------- views

    /// @notice The EIP-712 digest the quote signer signs for `quote` (0x1901 || domainSeparator || hashStruct(quote)).
    function quoteDigest(Quote calldata quote) public view returns (bytes32) {
        return _hashTypedDataV4(
            keccak256(
                abi.encode(
                    QUOTE_TYPEHASH,
                    quote.collection,
                    quote.tokenId,
                    quote.buyer,
                    quote.currency,
                    quote.price,
                    quote.installments,
                    quote.expiry,
                    quote.nonce
                )
            )
        );
    }

    function domainSeparator() external view returns (bytes32) {
        return _domainSeparatorV4();
    }

    /// @notice A purchase by id (the quote nonce); status None when unknown.
    function getPurchase(bytes32 purchaseId) external view returns (Purchase memory) {
        return _purchases[purchaseId];
    }

    /// @notice Whether a quote nonce has been used.
    function isNonceUsed(bytes32 nonce) external view returns (bool) {
        return _purchases[nonce].status != Status.None;
    }

    /// @notice The deadline of an active plan's next installment (0 when the purchase is not an active plan).
    function nextDeadline(bytes32 purchaseId) external view returns (uint64) {
        Purchase storage p = _purchases[purchaseId];
        return p.status == Status.Active ? _deadline(p) : 0;
    }

    /// @notice The down payment of a plan of `installments` payments: the price less the other payments.
    function downPayment(uint256 price, uint16 installments) public pure returns (uint256) {
        return price - (price / installments) * (installments - 1);
    }

    /// @notice Each payment after the down payment.
    function installmentAmount(uint256 price, uint16 installments) public pure returns (uint256) {
        return price / installments;
    }

    /// @notice What a defaulting buyer who paid `paid` gets back, and the penalty kept.
    function defaultRefund(uint256 paid) public pure returns (uint256 refundAmount, uint256 penalty) {
        penalty = (paid * DEFAULT_PENALTY_BPS + 9_999) / 10_000;
        refundAmount = paid - penalty;
    }

    // ---------------------------------------------------------------- internals

    function _checkQuote(Quote calldata quote, bytes calldata signature) private view {
        if (block.timestamp > quote.expiry) revert QuoteExpired(quote.expiry, block.timestamp);
        if (msg.sender != quote.buyer) revert NotQuoteBuyer(quote.buyer, msg.sender);
        if (_purchases[quote.nonce].status != Status.None) revert QuoteAlreadyUsed(quote.nonce);
        (address recovered, ECDSA.RecoverError error_,) = ECDSA.tryRecoverCalldata(quoteDigest(quote), signature);
        if (error_ != ECDSA.RecoverError.NoError || recovered != quoteSigner) revert InvalidQuoteSignature(recovered);
        if (quote.installments == 0 || quote.installments > MAX_INSTALLMENTS) {
            revert InvalidInstallments(quote.installments);
        }
        if (quote.price < quote.installments) revert PriceTooLow(quote.price, quote.installments);
        if (inEscrow[quote.collection][quote.tokenId]) revert ItemInEscrow(quote.collection, quote.tokenId);
    }

    function _checkValue(address currency, uint256 due) private view {
        uint256 expected = currency == address(0) ? due : 0;
        if (msg.value != expected) revert WrongAmount(expected, msg.value);
    }

    function _activePlan(bytes32 purchaseId) private view returns (Purchase storage p) {
        p = _purchases[purchaseId];
        if (p.status == Status.None) revert UnknownPurchase(purchaseId);
        if (p.status != Status.Active) revert PlanNotActive(purchaseId, p.status);
    }

    function _deadline(Purchase storage p) private view returns (uint64) {
        return p.startedAt + uint64(p.paymentsMade) * installmentInterval;
    }

    function _collect(address currency, uint256 amount) private {
        if (currency != address(0)) {
            IERC20(currency).safeTransferFrom(msg.sender, address(this), amount);
        }
    }

    function _takeOwed(address account, address currency) private returns (uint256 amount) {
        amount = owed[currency][account];
        if (amount == 0) revert NothingOwed(account, currency);
        owed[currency][account] = 0;
    }

    /// @dev Sends a refund if its recipient takes it, else credits it to the recipient: a refund never reverts.
    function _refund(bytes32 purchaseId, address currency, address to, uint256 amount) private {
        if (amount == 0) return;
        bool sent;
        if (currency == address(0)) {
            (sent,) = payable(to).call{value: amount, gas: REFUND_GAS}("");
        } else {
            sent = IERC20(currency).trySafeTransfer(to, amount);
        }
        if (!sent) {
            owed[currency][to] += amount;
            emit RefundCredited(purchaseId, to, currency, amount);
        }
    }

    function _pay(address currency, address to, uint256 amount) private {
        if (amount == 0) return;
        if (currency == address(0)) {
            (bool ok,) = payable(to).call{value: amount}("");
            if (!ok) revert EthTransferFailed(to, amount);
        } else {
            IERC20(currency).safeTransfer(to, amount);
        }
    }

    /// @dev Mints `tokenId` to `to`, or moves it there when this contract holds it (here: nothing to move).
    function _deliver(address collection, uint256 tokenId, address to) private {
        if (IGameItem(collection).exists(tokenId)) {
            address owner = IERC721(collection).ownerOf(tokenId);
            if (owner != address(this)) revert ItemNotForSale(collection, tokenId, owner);
            if (to != address(this)) IERC721(collection).safeTransferFrom(address(this), to, tokenId);
        } else {
            IGameItem(collection).mint(to, tokenId, "");
        }
    }
}
