using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Outreach.Contracts;
using Dealix.Orchestrations.Outreach.Rules;

namespace Dealix.Orchestrations.Deals.Lifecycle;

/// <summary>
/// The compliance check of DOMAIN.md §10.3 for a contact who wrote to the tenant (the source is <c>inbound</c>, so
/// I3 and I4 hold). It is <see cref="OutreachRules.Check"/> — the one implementation the daily pipeline uses too — fed
/// with what the reply path knows: the suppression list's reason (opted out, bounced, complaint) and the address.
/// Blocked when suppressed or when the address is invalid; warn for a free or personal e-mail domain (a manual channel
/// is preferred); otherwise allowed.
/// </summary>
public static class ComplianceCheck
{
    /// <summary>Outcome values.</summary>
    public const string Allowed = "allowed";
    public const string Warn = "warn";
    public const string Blocked = "blocked";

    /// <summary>Checks one contact address; <paramref name="suppressionReason"/> is the suppression list's reason, if any.</summary>
    public static (string Outcome, IReadOnlyList<string> Reasons) Check(MessageChannel channel, string address, string? suppressionReason)
    {
        var contact = new OutreachContact(
            Email: channel == MessageChannel.Email ? address : null,
            Source: "inbound",
            SourceReference: null,
            OptedOut: suppressionReason == "unsubscribe",
            Bounced: suppressionReason == "bounced",
            PreviousComplaint: suppressionReason is not null and not "unsubscribe" and not "bounced",
            SourceFlaggedScrapedOrPurchased: false,
            DomainBlocklisted: false,
            MarkedDoNotContact: false,
            RoleOrTitle: "contact",
            Channel: channel,
            Phone: channel is MessageChannel.WhatsApp or MessageChannel.Sms ? address : null);

        // No source date: the source is the contact's own message, so the staleness rule never applies and no clock is needed.
        ComplianceResult result = OutreachRules.Check(contact, DateTime.UnixEpoch);
        return (Wire(result.Outcome), result.Reasons);
    }

    /// <summary>A syntax check of an e-mail address (the same as the pipeline's).</summary>
    public static bool IsValidEmail(string address) => OutreachRules.IsValidEmail(address);

    /// <summary>The wire name of an outcome (<c>allowed</c>, <c>warn</c>, <c>blocked</c>).</summary>
    public static string Wire(ComplianceOutcome outcome) => outcome switch
    {
        ComplianceOutcome.Allowed => Allowed,
        ComplianceOutcome.Warn => Warn,
        _ => Blocked,
    };
}
