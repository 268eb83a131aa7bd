using System;
using System.Collections.Generic;
using System.Linq;

namespace Commerce.Sdk
{
    /// <summary>
    /// What the player's wallet must send next for an order (<c>GET /api/me/orders/{orderId}/payment</c>). No steps
    /// while the item is not yet held for the order (wait for the push saying reserved), for custodial orders, when
    /// nothing is due and once the order ended.
    /// </summary>
    public sealed class PaymentInstructions
    {
        private PaymentInstructions(JsonValue json)
        {
            Json = json;
            OrderId = json.GetStringOrDefault("orderId") ?? string.Empty;
            Status = json.GetStringOrDefault("status") ?? string.Empty;
            Due = json.GetScalarTextOrDefault("due");
            Deadline = json.TryGetProperty("deadline", out var deadline) && deadline.TryGetInt64(out var at) ? at : (long?)null;
            Steps = json["steps"].Items.Where(s => s.Kind == JsonKind.Object).Select(PaymentStep.Read).ToList();
        }

        public string OrderId { get; }

        public string Status { get; }

        /// <summary>Base units due now (null when nothing is).</summary>
        public string? Due { get; }

        /// <summary>Unix seconds by which <see cref="Due"/> must be paid (installments), or null.</summary>
        public long? Deadline { get; }

        public DateTimeOffset? DeadlineAt => Deadline.HasValue ? DateTimeOffset.FromUnixTimeSeconds(Deadline.Value) : (DateTimeOffset?)null;

        /// <summary>The transactions to send, in order (approve before purchase).</summary>
        public IReadOnlyList<PaymentStep> Steps { get; }

        public JsonValue Json { get; }

        public static PaymentInstructions FromJson(JsonValue json) => new PaymentInstructions(json);
    }
}
