namespace Dealix.Functions.Infrastructure.Outbox;

/// <summary>What the sender did with one outbox message.</summary>
public enum SendDisposition
{
    /// <summary>The provider accepted it.</summary>
    Sent,

    /// <summary>Live sending is off for the channel: recorded as simulated, nothing left.</summary>
    Simulated,

    /// <summary>A manual channel (LinkedIn): the operator sends it by hand.</summary>
    ManualRequired,

    /// <summary>The kill switch is on: put back on the queue for later.</summary>
    Held,

    /// <summary>Already sent, being sent, or not approved: a duplicate or stale message, nothing done.</summary>
    Skipped,

    /// <summary>The contact is suppressed: the draft was cancelled.</summary>
    Cancelled,

    /// <summary>Every provider refused it: nothing was sent.</summary>
    Failed,

    /// <summary>The provider's answer was lost: an operator decides; never retried automatically.</summary>
    Unknown,

    /// <summary>A Class B action without a correlation id, or an unknown draft.</summary>
    Refused,

    /// <summary>An abandoned claim that never reached the provider: the draft is approved again and sent anew.</summary>
    Retried,

    /// <summary>WhatsApp outside the 24-hour window: the draft went back for approval as a template message.</summary>
    PendingTemplateApproval,
}
