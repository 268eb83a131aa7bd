using System;
using System.Collections.Generic;
using System.Linq;

namespace Commerce.Sdk
{
    /// <summary>One of the player's orders from <c>GET /api/me/orders/{orderId}</c>: status, quote, payments, history.</summary>
    public sealed class OrderDetails
    {
        private OrderDetails(JsonValue json)
        {
            Json = json;
            OrderId = json.GetStringOrDefault("orderId") ?? string.Empty;
            ItemId = json.GetStringOrDefault("itemId") ?? string.Empty;
            Status = json.GetStringOrDefault("status") ?? string.Empty;
            Terminal = json.GetBooleanOrDefault("terminal", OrderStatuses.IsTerminal(Status));
            PaymentKind = json.GetStringOrDefault("paymentKind");
            IdempotencyKey = json.GetStringOrDefault("idempotencyKey");
            ReservedUntil = json.GetTimestampOrNull("reservedUntil");
            TotalPaid = json.GetScalarTextOrDefault("totalPaid") ?? "0";
            PlacedAt = json.GetTimestampOrNull("placedAt");
            UpdatedAt = json.GetTimestampOrNull("updatedAt");
            History = json["history"].Items.Where(h => h.Kind == JsonKind.Object).Select(OrderHistoryEntry.Read).ToList();
            Payments = json["payments"].Items.Where(p => p.Kind == JsonKind.Object).Select(OrderPaymentRecord.Read).ToList();
        }

        public string OrderId { get; }

        public string ItemId { get; }

        /// <summary>One of <see cref="OrderStatuses"/>.</summary>
        public string Status { get; }

        public bool Terminal { get; }

        public string? PaymentKind { get; }

        public string? IdempotencyKey { get; }

        /// <summary>Until when the item is held for this order (null when not held).</summary>
        public DateTimeOffset? ReservedUntil { get; }

        /// <summary>Base units paid so far, a decimal string.</summary>
        public string TotalPaid { get; }

        public DateTimeOffset? PlacedAt { get; }

        public DateTimeOffset? UpdatedAt { get; }

        /// <summary>Every event the order saw, oldest first (bounded).</summary>
        public IReadOnlyList<OrderHistoryEntry> History { get; }

        public IReadOnlyList<OrderPaymentRecord> Payments { get; }

        public JsonValue Json { get; }

        public static OrderDetails FromJson(JsonValue json) => new OrderDetails(json);
    }
}
