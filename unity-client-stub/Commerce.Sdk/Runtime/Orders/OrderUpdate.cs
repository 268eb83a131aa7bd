using System;

namespace Commerce.Sdk
{
    /// <summary>
    /// An <c>OrderUpdated</c> push: one of the player's orders moved (placed, reserved, plan-active, ... a terminal
    /// state), or an installment falls due (status plan-active, detail starting "installment due").
    /// </summary>
    public sealed class OrderUpdate
    {
        /// <summary>How the detail of an installment reminder begins.</summary>
        public const string InstallmentDuePrefix = "installment due";

        private OrderUpdate(JsonValue json)
        {
            Json = json;
            PlayerId = json.GetStringOrDefault("playerId");
            OrderId = json.GetStringOrDefault("orderId") ?? string.Empty;
            ItemId = json.GetStringOrDefault("itemId") ?? string.Empty;
            Status = json.GetStringOrDefault("status") ?? string.Empty;
            Detail = json.GetStringOrDefault("detail");
        }

        public string? PlayerId { get; }

        /// <summary>0x + 64 hex: the quote's nonce.</summary>
        public string OrderId { get; }

        public string ItemId { get; }

        /// <summary>One of <see cref="OrderStatuses"/>.</summary>
        public string Status { get; }

        /// <summary>Why (a refusal reason, a payment, a reminder).</summary>
        public string? Detail { get; }

        public bool IsTerminal => OrderStatuses.IsTerminal(Status);

        /// <summary>True for a reminder that an installment is due: pay it (<see cref="CommerceClient.GetPaymentAsync"/>).</summary>
        public bool IsInstallmentReminder =>
            Status == OrderStatuses.PlanActive && Detail != null
            && Detail.StartsWith(InstallmentDuePrefix, StringComparison.OrdinalIgnoreCase);

        public JsonValue Json { get; }

        /// <summary>Reads an <c>OrderUpdated</c> payload.</summary>
        /// <exception cref="FormatException">Not an object, or no orderId or status.</exception>
        public static OrderUpdate FromJson(JsonValue payload)
        {
            if (payload.Kind != JsonKind.Object)
            {
                throw new FormatException("An OrderUpdated payload must be a JSON object, got " + payload.Kind + ".");
            }

            var update = new OrderUpdate(payload);
            if (update.OrderId.Length == 0 || update.Status.Length == 0)
            {
                throw new FormatException("An OrderUpdated payload needs \"orderId\" and \"status\".");
            }

            return update;
        }

        public override string ToString() => "order " + OrderId + " " + Status + (Detail == null ? string.Empty : ": " + Detail);
    }
}
