namespace Dealix.Orchestrations.Outreach.Contracts;

/// <summary>What the compliance check needs to know about a contact (§10.3); dates are UTC.</summary>
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
    DateTime? SourceRecordedAt = null);
