using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Ports;

namespace Dealix.Orchestrations.Deals.Lifecycle;

/// <summary>
/// DOMAIN.md §8.6: a reply is sent without a person only when every condition holds — the channel's live-send flag
/// and the tenant's auto-reply opt-in are on, the kill switch is off, the stage is not an approval stage, the category
/// allows auto-replies, the message answers the contact's own inbound message (inside the WhatsApp 24-hour window),
/// compliance passes, and the text is the category's template with every placeholder filled. Otherwise a draft is
/// created. Rate limits are enforced by the sender.
/// </summary>
public static class AutoSendPolicy
{
    /// <summary>The reasons auto-send is refused; empty means it is allowed.</summary>
    public static IReadOnlyList<string> Refusals(
        DealSettings settings, bool paused, ReplyPolicyInput input, string compliance, string? templateText, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(input);
        var reasons = new List<string>();
        if (!settings.IsLive(input.Channel))
        {
            reasons.Add("live_send_off");
        }

        if (!settings.AutoReplyEnabled)
        {
            reasons.Add("auto_reply_not_enabled");
        }

        if (paused)
        {
            reasons.Add("kill_switch");
        }

        if (DealStages.IsApprovalStage(input.Stage))
        {
            reasons.Add("approval_stage");
        }

        if (!input.CategoryAllowsAutoReply)
        {
            reasons.Add("category_needs_approval");
        }

        if (!input.AnswersInbound)
        {
            reasons.Add("not_a_reply");
        }
        else if (input.Channel == MessageChannel.WhatsApp && (input.LastInboundAt is not { } last || now > last.AddHours(24)))
        {
            reasons.Add("whatsapp_window_closed");
        }

        if (compliance != ComplianceCheck.Allowed)
        {
            reasons.Add($"compliance_{compliance}");
        }

        if (input.ContactPaused)
        {
            reasons.Add("contact_paused");
        }

        if (templateText is null)
        {
            reasons.Add("no_template");
        }
        else if (ReplyTemplates.HasUnfilledPlaceholder(templateText))
        {
            reasons.Add("unfilled_placeholder");
        }

        if (input.Channel == MessageChannel.LinkedIn)
        {
            reasons.Add("manual_channel");
        }

        return reasons;
    }
}
