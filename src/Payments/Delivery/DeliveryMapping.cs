using System.Security.Cryptography;
using System.Text;
using Commerce.Events.Chain;
using Commerce.Events.Orders;

namespace Commerce.Payments.Delivery;

/// <summary>
/// From the executor's lifecycle event of a command "order:&lt;order id&gt;:&lt;what&gt;" to the order's
/// <see cref="DeliveryUpdated"/> (status = the executor's stage; detail = the failure reason, else the transaction
/// and its block; transaction hash, reason and the executor's mark carried as they are, for the order to check).
/// Commands not named after an order are not mapped.
/// </summary>
public static class DeliveryMapping
{
    public const string OrderPrefix = "order:";

    /// <summary>The order a command id names, or null ("order:0xab..:mint" names 0xab..).</summary>
    public static string? OrderIdOf(string? commandId)
    {
        if (commandId is null || !commandId.StartsWith(OrderPrefix, StringComparison.Ordinal))
            return null;
        var rest = commandId[OrderPrefix.Length..];
        var end = rest.IndexOf(':', StringComparison.Ordinal);
        var orderId = end < 0 ? rest : rest[..end];
        return orderId.Length > 0 ? orderId : null;
    }

    public static DeliveryUpdated? Map(ChainTransactionUpdated update)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (OrderIdOf(update.CommandId) is not { } orderId)
            return null;
        string? detail = update.Reason;
        if (detail is null && update.TransactionHash is { } tx)
            detail = update.BlockNumber is { } block ? $"tx {tx} in block {block}" : $"tx {tx}";
        return new DeliveryUpdated(orderId, update.CommandId, update.Stage, detail)
        {
            TransactionHash = update.TransactionHash, Reason = update.Reason, ExecutorMac = update.ExecutorMac,
        };
    }

    /// <summary>
    /// The id of the DeliveryUpdated made from the lifecycle record <paramref name="sourceEventId"/>: the same record
    /// read twice (a redelivery, a relay retry) gives the same id, which the order grain dedupes.
    /// </summary>
    public static Guid EventId(Guid sourceEventId)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"delivery|{sourceEventId:D}"), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
