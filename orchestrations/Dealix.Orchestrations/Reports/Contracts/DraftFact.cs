using Dealix.Orchestrations.Deals.Contracts;

namespace Dealix.Orchestrations.Reports.Contracts;

/// <summary>A draft as the reports see it: its approval position and category (the template family, e.g. <c>first_touch</c>), never its text or recipient.</summary>
public sealed record DraftFact(string DraftId, MessageChannel Channel, DraftKind Kind, DraftStatus Status, DealStage Stage, DateTime CreatedAt,
    DateTime? ExpiresAt = null, DateTime? DecidedAt = null, bool AutoApproved = false, string? Category = null);
