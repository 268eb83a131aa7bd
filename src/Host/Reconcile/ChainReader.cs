using System.Globalization;
using System.Numerics;
using Commerce.Actors.Orders;
using Commerce.Chain.Contracts;
using Commerce.Chain.Crypto;
using Commerce.Chain.Hex;
using Commerce.Chain.JsonRpc;
using Commerce.Chain.Abi;
using Commerce.Chain.Contracts.Messages;

namespace Commerce.Host.Reconcile;

/// <summary>Reads what the chain says about orders: the Checkout's purchase by id, the item's owner, and every purchase id it logged.</summary>
public sealed class ChainReader(EthClient eth, EthAddress checkoutAddress)
{
    private const ulong LogRange = 10_000;

    private readonly CheckoutContract _checkout = new(eth, checkoutAddress);

    public async Task<IReadOnlyDictionary<string, ChainOrder>> ReadOrdersAsync(IEnumerable<OrderState> orders, CancellationToken ct)
    {
        var result = new Dictionary<string, ChainOrder>(StringComparer.OrdinalIgnoreCase);
        foreach (var order in orders)
        {
            if (order.Status == OrderStatus.None || !TryPurchaseId(order.OrderId, out var id))
                continue;
            var purchase = await _checkout.GetPurchaseAsync(id, ct);
            result[order.OrderId] = new ChainOrder(order.OrderId, purchase, await OwnerAsync(order.Quote, ct));
        }
        return result;
    }

    /// <summary>Every purchase id the Checkout logged in a Purchased event, as 0x + 64 lowercase hex.</summary>
    public async Task<IReadOnlyCollection<string>> ReadPurchaseIdsAsync(CancellationToken ct)
    {
        var head = await eth.GetBlockNumberAsync(ct);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (ulong from = 0; from <= head; from += LogRange)
        {
            var logs = await eth.GetLogsAsync(new LogFilter
            {
                FromBlock = from,
                ToBlock = Math.Min(head, from + LogRange - 1),
                Addresses = [checkoutAddress],
                Topics = [[TypedEvent<CheckoutEvents.Purchased>.Topic0]],
            }, ct);
            foreach (var purchased in _checkout.DecodeEvents<CheckoutPurchased>(logs))
                ids.Add(HexString.Encode(purchased.PurchaseId));
        }
        return ids;
    }

    private async Task<string?> OwnerAsync(Events.Orders.OrderQuote? quote, CancellationToken ct)
    {
        if (quote is null || !EthAddress.TryParse(quote.Collection, out var collection)
            || !BigInteger.TryParse(quote.TokenId, NumberStyles.None, CultureInfo.InvariantCulture, out var tokenId))
            return null;
        var items = new GameItemContract(eth, collection);
        try
        {
            return await items.ExistsAsync(tokenId, ct) ? (await items.OwnerOfAsync(tokenId, ct)).ToString() : null;
        }
        catch (ContractRevertException)
        {
            return null; // not a GameItem (a quote for another contract): nothing owned there
        }
        catch (JsonRpcException)
        {
            return null; // no contract at that address
        }
    }

    private static bool TryPurchaseId(string orderId, out byte[] id)
    {
        id = [];
        if (orderId.Length != 66 || !orderId.StartsWith("0x", StringComparison.Ordinal))
            return false;
        try
        {
            id = HexString.DecodeFixed(orderId, 32, "orderId");
            return true;
        }
        catch (HexFormatException)
        {
            return false;
        }
    }
}
