using System.Security.Cryptography;
using System.Text;
using Dealix.Orchestrations.Deals.Lifecycle;

namespace Dealix.Orchestrations.Support.Rules;

/// <summary>
/// Deterministic ids of the support area. A ticket's instance id is <c>ticket:{tenantId}:{ticketId}</c>; a ticket taken
/// from a provider message gets its id from the provider and message id, so a redelivered message finds the same
/// ticket; its first-response draft is <c>{ticketId}-fr</c>, approved under <c>approval:{tenantId}:{draftId}</c>.
/// </summary>
public static class TicketKeys
{
    /// <summary>The longest ticket id accepted from a caller.</summary>
    public const int MaxTicketIdLength = 40;

    /// <summary>The ticket instance id; both parts are validated.</summary>
    /// <exception cref="ArgumentException">A part is not a valid key.</exception>
    public static string InstanceId(string tenantId, string ticketId)
    {
        if (!DealKeys.IsValidKey(tenantId, DealKeys.MaxTenantIdLength) || !DealKeys.IsValidKey(ticketId, MaxTicketIdLength))
        {
            throw new ArgumentException("Tenant and ticket ids must be short keys of A–Z, a–z, 0–9, '-' or '_'.");
        }

        return $"ticket:{tenantId}:{ticketId}";
    }

    /// <summary>The ticket id of an inbound provider message (24 hex digits of its SHA-256).</summary>
    public static string FromMessage(string provider, string providerMessageId) =>
        "t-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{provider}|{providerMessageId}")), 0, 12);

    /// <summary>A new ticket id from a random value (API intake without an id of its own).</summary>
    public static string New(Guid value) => "t-" + value.ToString("N")[..24];

    /// <summary>The first-response draft of a ticket.</summary>
    public static string FirstResponseDraftId(string ticketId) => ticketId + "-fr";

    /// <summary>The escalation key of one checkpoint of a ticket.</summary>
    public static string EscalationKey(string tenantId, string ticketId, Contracts.TicketPriority priority, Contracts.SlaTarget target,
        Contracts.EscalationLevel level) =>
        $"sla:{tenantId}:{ticketId}:{priority}:{Wire(target)}:{Wire(level)}";

    /// <summary>The escalation key of one approval-SLA step of a draft: the draft orchestration and the sweep share it.</summary>
    public static string ApprovalSlaKey(string tenantId, string draftId, Deals.Contracts.ApprovalStepKind step) =>
        $"approval-sla:{tenantId}:{draftId}:{Wire(step)}";

    /// <summary>The idempotency key of an SLA event appended through a route: the same request appends once.</summary>
    public static string EventKey(string tenantId, string ticketId, string eventType, DateTime occurredAt, string actor) =>
        "e" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"{tenantId}|{ticketId}|{eventType}|{occurredAt.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture)}|{actor}")), 0, 16);

    private static string Wire<T>(T value) => System.Text.Json.JsonSerializer.Serialize(value).Trim('"');
}
