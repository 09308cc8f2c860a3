using Dealix.Orchestrations.Deals.Contracts;

namespace Dealix.Orchestrations.Deals.Ports;

/// <summary>The fields a status change records: who decided, when, why, an edited text, the provider's id, a WhatsApp
/// template that replaces a free-form text outside the 24-hour window.</summary>
public sealed record DraftChange(
    string? Reviewer = null,
    DateTime? At = null,
    string? Reason = null,
    string? EditedText = null,
    string? ProviderMessageId = null,
    WhatsAppTemplate? Template = null);
