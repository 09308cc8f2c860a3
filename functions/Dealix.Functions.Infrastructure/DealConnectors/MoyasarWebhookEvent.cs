namespace Dealix.Functions.Infrastructure.DealConnectors;

/// <summary>A validated Moyasar webhook delivery (channels.md §6): the event, its payment and the deal it belongs to.</summary>
public sealed record MoyasarWebhookEvent(
    string EventId,
    string Type,
    string PaymentId,
    string Status,
    long Amount,
    string Currency,
    string? InvoiceId,
    string TenantId,
    string DealInstanceId)
{
    /// <summary>True for a payment the provider reports as paid (<c>payment_paid</c>/<c>payment_captured</c> with status paid or captured).</summary>
    public bool IsPaid => Type is "payment_paid" or "payment_captured" && Status is "paid" or "captured";
}
