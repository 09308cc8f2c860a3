using Dealix.Orchestrations.Deals.Contracts;

namespace Dealix.Orchestrations.Deals.Ports;

/// <summary>
/// The fields a status change records: who decided, when, why, an edited text, the provider's id; and for the outbox
/// sender's claims: a new claim (<see cref="ClaimId"/>, counted in <see cref="ReplyDraft.SendAttempts"/>), the dispatch
/// mark, the release of a claim, and the condition that the draft still carries the claim <see cref="IfClaimId"/>; and a
/// WhatsApp template that replaces a free-form text outside the 24-hour window (<see cref="Template"/>).
/// </summary>
public sealed record DraftChange(
    string? Reviewer = null,
    DateTime? At = null,
    string? Reason = null,
    string? EditedText = null,
    string? ProviderMessageId = null,
    WhatsAppTemplate? Template = null)
{
    /// <summary>Takes a new claim with this id at <see cref="At"/>.</summary>
    public string? ClaimId { get; init; }

    /// <summary>Applies only while the stored draft carries this claim.</summary>
    public string? IfClaimId { get; init; }

    /// <summary>Marks the claim as dispatched (the provider call starts) at <see cref="At"/>.</summary>
    public bool Dispatched { get; init; }

    /// <summary>Drops the claim and its dispatch mark (the draft goes back to be sent again).</summary>
    public bool ReleaseClaim { get; init; }

    /// <summary>Records a re-queue by the outbox recovery at <see cref="At"/>.</summary>
    public bool Recovered { get; init; }

    /// <summary>True when <paramref name="current"/> meets this change's claim condition.</summary>
    public bool Accepts(ReplyDraft current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return IfClaimId is null || string.Equals(current.ClaimId, IfClaimId, StringComparison.Ordinal);
    }

    /// <summary>The draft after this change moves it to <paramref name="to"/> (every store applies it the same way).</summary>
    public ReplyDraft ApplyTo(ReplyDraft current, DraftStatus to)
    {
        ArgumentNullException.ThrowIfNull(current);
        bool claimChange = ClaimId is not null || Dispatched || ReleaseClaim || Recovered;
        ReplyDraft next = current with
        {
            Status = to,
            Reviewer = Reviewer ?? current.Reviewer,
            DecidedAt = claimChange ? current.DecidedAt : At ?? current.DecidedAt,
            DecisionReason = Reason ?? current.DecisionReason,
            Text = EditedText ?? current.Text,
            ProviderMessageId = ProviderMessageId ?? current.ProviderMessageId,
            Template = Template ?? current.Template,
        };
        if (ClaimId is not null)
        {
            next = next with { ClaimId = ClaimId, ClaimedAt = At, DispatchedAt = null, SendAttempts = current.SendAttempts + 1 };
        }

        if (Dispatched)
        {
            next = next with { DispatchedAt = At };
        }

        if (ReleaseClaim)
        {
            next = next with { ClaimId = null, ClaimedAt = null, DispatchedAt = null };
        }

        if (Recovered)
        {
            next = next with { RecoveredAt = At };
        }

        return next;
    }
}
