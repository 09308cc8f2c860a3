namespace Dealix.Orchestrations.Outreach.Ports;

/// <summary>
/// WhatsApp opt-in records (§7.4), per tenant and number (stored under a hash of the number): checked before any
/// WhatsApp send (I3).
/// </summary>
public interface IWhatsAppOptIns
{
    /// <summary>The record for a number, or null when the contact never opted in.</summary>
    Task<WhatsAppOptInRecord?> FindAsync(string tenantId, string phone, CancellationToken cancellationToken = default);

    /// <summary>Stores a record; the first record of a number is kept.</summary>
    Task AddAsync(WhatsAppOptInRecord record, CancellationToken cancellationToken = default);
}

/// <summary>One opt-in (§7.4): the contact, <c>channel = whatsapp</c>, the source (form/inbound/event), when, the wording shown
/// and the evidence reference.</summary>
public sealed record WhatsAppOptInRecord(string TenantId, string ContactId, string Phone, string Source, DateTime CapturedAt, string WordingShown,
    string EvidenceRef);
