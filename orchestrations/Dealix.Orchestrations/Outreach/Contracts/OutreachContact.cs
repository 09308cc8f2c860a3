using Dealix.Orchestrations.Deals.Contracts;

namespace Dealix.Orchestrations.Outreach.Contracts;

/// <summary>
/// What the compliance check needs to know about a contact (§10.3); dates are UTC. <see cref="Channel"/> is the channel
/// the message would go on: the e-mail rules apply to e-mail, a number is checked for the others, and WhatsApp needs
/// the contact's opt-in record (§7.4) or an inbound first message (I3).
/// </summary>
public sealed record OutreachContact(
    string? Email,
    string? Source,
    string? SourceReference,
    bool OptedOut,
    bool Bounced,
    bool PreviousComplaint,
    bool SourceFlaggedScrapedOrPurchased,
    bool DomainBlocklisted,
    bool MarkedDoNotContact,
    bool? EmailHasMx = null,
    string? RoleOrTitle = null,
    DateTime? SourceRecordedAt = null,
    MessageChannel Channel = MessageChannel.Email,
    string? Phone = null,
    bool HasWhatsAppOptIn = false);
