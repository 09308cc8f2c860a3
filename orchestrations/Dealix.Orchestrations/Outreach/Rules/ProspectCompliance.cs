using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Outreach.Contracts;

namespace Dealix.Orchestrations.Outreach.Rules;

/// <summary>
/// Maps a stored prospect and its suppression (opted out, bounced, complaint) onto <see cref="OutreachRules.Check"/>,
/// and picks the channel of a first touch: e-mail when allowed; a personal or free address (warn, §10.3) becomes a
/// manual LinkedIn message instead of automated e-mail. Pure.
/// </summary>
public static class ProspectCompliance
{
    /// <summary>The compliance result of e-mailing <paramref name="prospect"/>.</summary>
    public static ComplianceResult Check(Prospect prospect, string? suppressionReason, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(prospect);
        return OutreachRules.Check(new OutreachContact(
            prospect.Email, prospect.Source, prospect.SourceReference,
            OptedOut: suppressionReason == "unsubscribe",
            Bounced: prospect.Bounced || suppressionReason == "bounced",
            PreviousComplaint: prospect.PreviousComplaint || suppressionReason is not null and not "unsubscribe" and not "bounced",
            prospect.SourceFlaggedScrapedOrPurchased, prospect.DomainBlocklisted, prospect.MarkedDoNotContact, prospect.EmailHasMx,
            prospect.RoleOrTitle, prospect.SourceRecordedAt, MessageChannel.Email, prospect.Phone, prospect.WhatsAppOptIn is not null), nowUtc);
    }

    /// <summary>The channel of the first touch for a compliance result that is not blocked.</summary>
    public static MessageChannel ChannelFor(ComplianceResult result) =>
        result?.Outcome == ComplianceOutcome.Warn ? MessageChannel.LinkedIn : MessageChannel.Email;

    /// <summary>The targeting candidate of a prospect (§10.1 score inputs).</summary>
    public static TargetCandidate Candidate(Prospect prospect, ComplianceResult result)
    {
        ArgumentNullException.ThrowIfNull(prospect);
        ArgumentNullException.ThrowIfNull(result);
        return new TargetCandidate(prospect.ProspectId, prospect.Sector, prospect.City, prospect.SectorFit, prospect.SignalStrength, prospect.SizeFit,
            result.Contactability, prospect.LastContactedAt, prospect.LastSignalAt);
    }
}
