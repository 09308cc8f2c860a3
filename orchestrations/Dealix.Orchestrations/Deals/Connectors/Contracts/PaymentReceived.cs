namespace Dealix.Orchestrations.Deals.Connectors.Contracts;

/// <summary>
/// A payment the provider reports as paid (Moyasar <c>payment_paid</c> / <c>payment_captured</c>), raised to the deal as
/// <see cref="DealEvents.PaymentReceived"/> by the payments webhook. The deal never moves on it alone: a person confirms
/// the receipt (§8.3 <c>payment_confirmed</c> is a human event) by approving the draft it proposes.
/// </summary>
/// <remarks>WARNING: persisted in history. Amounts are in the smallest unit (halalas).</remarks>
public sealed record PaymentReceived(
    string PaymentId,
    string EventId,
    string EventType,
    long Amount,
    string Currency,
    string? InvoiceId,
    DateTime ReceivedAt,
    string CorrelationId);
