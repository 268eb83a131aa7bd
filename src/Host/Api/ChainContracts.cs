namespace Commerce.Host.Api;

// The bodies of the chain-facing game-client API (docs/API.md, docs/ORDERS.md "Paying from the wallet"):
// addresses 0x hex (EIP-55), amounts decimal integers of base units as strings, times unix seconds.

/// <summary><c>GET /api/chain</c>: where and how to pay.</summary>
public sealed record ChainInfoResponse(
    ulong ChainId,
    string? RpcUrl,
    string Checkout,
    string? Custody,
    int InstallmentIntervalSeconds,
    IReadOnlyDictionary<string, CurrencyInfo> Currencies,
    IReadOnlyDictionary<string, string> Collections);

/// <summary>A currency's token (the zero address for ETH) and decimals.</summary>
public sealed record CurrencyInfo(string Token, int Decimals);

/// <summary><c>POST /api/dev/faucet</c>: the wallet's balances after the top-up (wei, USDC base units).</summary>
public sealed record FaucetResponse(string Wallet, string Eth, string Usdc);

/// <summary><c>POST /api/me/quotes/installments</c>: a full-price platform quote and the number of installments wanted.</summary>
public sealed record InstallmentQuoteRequest(OrderQuoteRequest? Quote, string? Signature, int? Installments);

/// <summary>A quote and the platform's EIP-712 signature of it.</summary>
public sealed record SignedQuoteResponse(QuoteFields Quote, string Signature);

/// <summary>The EIP-712 Quote of docs/QUOTE.md as JSON (the shape <c>POST /api/me/orders</c> takes).</summary>
public sealed record QuoteFields(string Collection, string TokenId, string Buyer, string Currency, string Price, int Installments, long Expiry, string Nonce);

/// <summary><c>GET /api/me/orders/{orderId}/payment</c>: what the player's wallet sends next, in order.</summary>
public sealed record PaymentInstructions(string OrderId, string Status, string? Due, long? Deadline, IReadOnlyList<PaymentStep> Steps);

/// <summary>One transaction for the player's wallet to sign and send: to, calldata, value in wei.</summary>
public sealed record PaymentStep(string To, string Data, string Value, string Description);

/// <summary><c>GET /api/me/nfts</c>: an item the caller's wallet owns.</summary>
public sealed record OwnedNft(string ItemId, string Collection, string Contract, string TokenId, string? OrderId);
