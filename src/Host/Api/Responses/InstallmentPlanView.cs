namespace Commerce.Host.Api.Responses;

/// <summary>Where an installment plan stands: payments made (the down payment counts), the next deadline (unix seconds, chain time).</summary>
public sealed record InstallmentPlanView(int Installments, int PaymentsMade, long? NextDeadline, long IntervalSeconds);
