using Commerce.Chain.Abi;

namespace Commerce.Chain.Contracts;

/// <summary>The ABI of contracts/src/Checkout.sol, for encoding calls and decoding logs and reverts.</summary>
public static class CheckoutAbi
{
    /// <summary>The Quote struct as an ABI tuple (the EIP-712 type of docs/QUOTE.md, same field order).</summary>
    public const string QuoteTuple =
        "(address collection, uint256 tokenId, address buyer, address currency, uint256 price, uint16 installments, uint64 expiry, bytes32 nonce)";

    private const string PurchaseTuple =
        "(address buyer, uint64 startedAt, uint16 installments, uint16 paymentsMade, address collection, uint8 status, address currency, uint256 tokenId, uint256 price, uint256 paid)";

    public static readonly IReadOnlyList<AbiParameter> ConstructorInputs =
        AbiFunction.Parse("function constructor(address admin, address signer, uint64 interval_)").Inputs;

    public static readonly AbiFunction Purchase = AbiFunction.Parse($"function purchase({QuoteTuple} quote, bytes signature) payable returns (bytes32 purchaseId)");
    public static readonly AbiFunction PayInstallment = AbiFunction.Parse("function payInstallment(bytes32 purchaseId) payable");
    public static readonly AbiFunction DeclareDefault = AbiFunction.Parse("function declareDefault(bytes32 purchaseId)");
    public static readonly AbiFunction Refund = AbiFunction.Parse("function refund(bytes32 purchaseId)");
    public static readonly AbiFunction Withdraw = AbiFunction.Parse("function withdraw(address currency, address to, uint256 amount)");
    public static readonly AbiFunction ReleaseItem = AbiFunction.Parse("function releaseItem(address collection, uint256 tokenId, address to)");
    public static readonly AbiFunction SetQuoteSigner = AbiFunction.Parse("function setQuoteSigner(address signer)");

    public static readonly AbiFunction GetPurchase = AbiFunction.Parse($"function getPurchase(bytes32 purchaseId) view returns ({PurchaseTuple})");
    public static readonly AbiFunction QuoteDigest = AbiFunction.Parse($"function quoteDigest({QuoteTuple} quote) view returns (bytes32)");
    public static readonly AbiFunction DomainSeparator = AbiFunction.Parse("function domainSeparator() view returns (bytes32)");
    public static readonly AbiFunction IsNonceUsed = AbiFunction.Parse("function isNonceUsed(bytes32 nonce) view returns (bool)");
    public static readonly AbiFunction NextDeadline = AbiFunction.Parse("function nextDeadline(bytes32 purchaseId) view returns (uint64)");
    public static readonly AbiFunction Revenue = AbiFunction.Parse("function revenue(address currency) view returns (uint256)");
    public static readonly AbiFunction InEscrow = AbiFunction.Parse("function inEscrow(address collection, uint256 tokenId) view returns (bool)");
    public static readonly AbiFunction QuoteSigner = AbiFunction.Parse("function quoteSigner() view returns (address)");
    public static readonly AbiFunction InstallmentInterval = AbiFunction.Parse("function installmentInterval() view returns (uint64)");
    public static readonly AbiFunction DownPayment = AbiFunction.Parse("function downPayment(uint256 price, uint16 installments) pure returns (uint256)");
    public static readonly AbiFunction InstallmentAmount = AbiFunction.Parse("function installmentAmount(uint256 price, uint16 installments) pure returns (uint256)");
    public static readonly AbiFunction DefaultRefund = AbiFunction.Parse("function defaultRefund(uint256 paid) pure returns (uint256 refundAmount, uint256 penalty)");
    public static readonly AbiFunction QuoteTypeHash = AbiFunction.Parse("function QUOTE_TYPEHASH() view returns (bytes32)");
    public static readonly AbiFunction MaxInstallments = AbiFunction.Parse("function MAX_INSTALLMENTS() view returns (uint16)");
    public static readonly AbiFunction DefaultPenaltyBps = AbiFunction.Parse("function DEFAULT_PENALTY_BPS() view returns (uint16)");
    public static readonly AbiFunction OperatorRole = AbiFunction.Parse("function OPERATOR_ROLE() view returns (bytes32)");
    public static readonly AbiFunction TreasurerRole = AbiFunction.Parse("function TREASURER_ROLE() view returns (bytes32)");

    public static readonly AbiEvent Purchased = AbiEvent.Parse(
        "event Purchased(bytes32 indexed purchaseId, address indexed buyer, address indexed collection, uint256 tokenId, address currency, uint256 price, uint16 installments, uint256 amountPaid, uint64 nextDeadline)");
    public static readonly AbiEvent InstallmentPaid = AbiEvent.Parse(
        "event InstallmentPaid(bytes32 indexed purchaseId, address indexed buyer, uint16 index, uint256 amount, uint256 totalPaid, uint64 nextDeadline)");
    public static readonly AbiEvent PlanCompleted = AbiEvent.Parse(
        "event PlanCompleted(bytes32 indexed purchaseId, address indexed buyer, address indexed collection, uint256 tokenId)");
    public static readonly AbiEvent PlanDefaulted = AbiEvent.Parse(
        "event PlanDefaulted(bytes32 indexed purchaseId, address indexed buyer, address declaredBy, uint256 refund, uint256 penalty)");
    public static readonly AbiEvent Refunded = AbiEvent.Parse(
        "event Refunded(bytes32 indexed purchaseId, address indexed buyer, address currency, uint256 amount)");
    public static readonly AbiEvent Withdrawn = AbiEvent.Parse("event Withdrawn(address indexed currency, address indexed to, uint256 amount)");
    public static readonly AbiEvent QuoteSignerChanged = AbiEvent.Parse("event QuoteSignerChanged(address indexed previousSigner, address indexed newSigner)");
    public static readonly AbiEvent ItemReleased = AbiEvent.Parse("event ItemReleased(address indexed collection, uint256 tokenId, address indexed to)");
    public static readonly AbiEvent Eip712DomainChanged = AbiEvent.Parse("event EIP712DomainChanged()");

    public static readonly AbiError QuoteExpired = AbiError.Parse("error QuoteExpired(uint64 expiry, uint256 blockTime)");
    public static readonly AbiError NotQuoteBuyer = AbiError.Parse("error NotQuoteBuyer(address buyer, address sender)");
    public static readonly AbiError QuoteAlreadyUsed = AbiError.Parse("error QuoteAlreadyUsed(bytes32 nonce)");
    public static readonly AbiError InvalidQuoteSignature = AbiError.Parse("error InvalidQuoteSignature(address recovered)");
    public static readonly AbiError InvalidInstallments = AbiError.Parse("error InvalidInstallments(uint16 installments)");
    public static readonly AbiError PriceTooLow = AbiError.Parse("error PriceTooLow(uint256 price, uint16 installments)");
    public static readonly AbiError WrongAmount = AbiError.Parse("error WrongAmount(uint256 expected, uint256 sent)");
    public static readonly AbiError ItemNotForSale = AbiError.Parse("error ItemNotForSale(address collection, uint256 tokenId, address owner)");
    public static readonly AbiError ItemInEscrow = AbiError.Parse("error ItemInEscrow(address collection, uint256 tokenId)");
    public static readonly AbiError UnknownPurchase = AbiError.Parse("error UnknownPurchase(bytes32 purchaseId)");
    public static readonly AbiError PlanNotActive = AbiError.Parse("error PlanNotActive(bytes32 purchaseId, uint8 status)");
    public static readonly AbiError NotPlanBuyer = AbiError.Parse("error NotPlanBuyer(address buyer, address sender)");
    public static readonly AbiError InstallmentLate = AbiError.Parse("error InstallmentLate(bytes32 purchaseId, uint64 deadline, uint256 blockTime)");
    public static readonly AbiError NotInDefault = AbiError.Parse("error NotInDefault(bytes32 purchaseId, uint64 deadline, uint256 blockTime)");
    public static readonly AbiError NotRefundable = AbiError.Parse("error NotRefundable(bytes32 purchaseId, uint8 status)");
    public static readonly AbiError InsufficientRevenue = AbiError.Parse("error InsufficientRevenue(address currency, uint256 available, uint256 requested)");
    public static readonly AbiError EthTransferFailed = AbiError.Parse("error EthTransferFailed(address to, uint256 amount)");
    public static readonly AbiError ZeroAddress = AbiError.Parse("error ZeroAddress(string field)");
    public static readonly AbiError ZeroInterval = AbiError.Parse("error ZeroInterval()");
    public static readonly AbiError ReentrancyGuardReentrantCall = AbiError.Parse("error ReentrancyGuardReentrantCall()");
    public static readonly AbiError SafeErc20FailedOperation = AbiError.Parse("error SafeERC20FailedOperation(address token)");
    public static readonly AbiError InvalidShortString = AbiError.Parse("error InvalidShortString()");
    public static readonly AbiError StringTooLong = AbiError.Parse("error StringTooLong(string str)");

    /// <summary>Every custom error a Checkout call can revert with: its own, and those of the collection and token it calls.</summary>
    public static readonly IReadOnlyList<AbiError> Errors =
    [
        QuoteExpired, NotQuoteBuyer, QuoteAlreadyUsed, InvalidQuoteSignature, InvalidInstallments, PriceTooLow, WrongAmount,
        ItemNotForSale, ItemInEscrow, UnknownPurchase, PlanNotActive, NotPlanBuyer, InstallmentLate, NotInDefault, NotRefundable,
        InsufficientRevenue, EthTransferFailed, ZeroAddress, ZeroInterval, ReentrancyGuardReentrantCall, SafeErc20FailedOperation,
        InvalidShortString, StringTooLong, .. CommonAbi.AccessControlErrors,
        GameItemAbi.BatchLengthMismatch, .. CommonAbi.Erc721Errors, .. CommonAbi.Erc20Errors,
    ];

    public static readonly IReadOnlyList<AbiEvent> Events =
    [
        Purchased, InstallmentPaid, PlanCompleted, PlanDefaulted, Refunded, Withdrawn, QuoteSignerChanged, ItemReleased,
        Eip712DomainChanged, CommonAbi.RoleGranted, CommonAbi.RoleRevoked, CommonAbi.RoleAdminChanged,
    ];
}
