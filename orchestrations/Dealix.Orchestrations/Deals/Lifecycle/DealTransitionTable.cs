using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Ports;

namespace Dealix.Orchestrations.Deals.Lifecycle;

/// <summary>
/// The transition table of DOMAIN.md §8.3 as a pure function. This is the deal workflow's own minimal table, used
/// behind <see cref="IDealStageRules"/> until the Deals rules engine is wired in; an intent or event with no row
/// leaves the stage unchanged.
/// </summary>
public sealed class DealTransitionTable : IDealStageRules
{
    private static readonly DealStage[] BeforeNegotiating =
    [
        DealStage.NewLead, DealStage.Qualifying, DealStage.Qualified, DealStage.Nurturing,
        DealStage.MeetingBooked, DealStage.MeetingDone, DealStage.ProposalSent,
    ];

    private static readonly DealStage[] ApprovalStages = [DealStage.Negotiating, DealStage.PaymentRequested, DealStage.PilotActive];

    /// <summary>The shared instance.</summary>
    public static DealTransitionTable Instance { get; } = new();

    /// <inheritdoc />
    public IReadOnlyList<StageRuleRow> Table { get; } =
    [
        new([.. AllBut(DealStage.OptedOut)], "intent:unsubscribe", DealStage.OptedOut, false, "Suppress, cancel drafts and timers; nothing further is sent."),
        new([.. AllBut(DealStage.OptedOut)], "intent:complaint", null, false, "Pause automated contact; notify the founder."),
        new([.. AllBut(DealStage.OptedOut)], "intent:wrong_person", null, false, "Referral task for the operator."),
        new([.. AllBut(DealStage.OptedOut)], "intent:out_of_office", null, false, "Postpone pending follow-ups by 3 business days."),
        new([DealStage.NewLead], "intent:interested|ask_info|ask_price|already_has_solution|unclear", DealStage.Qualifying, false, "Reply draft plus the first qualification question."),
        new([DealStage.NewLead, DealStage.Qualifying, DealStage.Nurturing], "intent:ask_demo", DealStage.Qualified, false, "book_meeting proposal draft."),
        new([DealStage.Qualifying], "qualification_complete (criteria met)", DealStage.Qualified, false, string.Empty),
        new([DealStage.Qualifying], "qualification_complete (criteria not met)", DealStage.ClosedLost, false, "reason not_a_fit"),
        new([DealStage.NewLead, DealStage.Qualifying, DealStage.Qualified], "intent:not_now", DealStage.Nurturing, false, "Touch in 30 days."),
        new([DealStage.Nurturing], "intent:interested|ask_info|ask_price", DealStage.Qualifying, false, string.Empty),
        new(BeforeNegotiating, "intent:not_interested", DealStage.ClosedLost, false, "reason not_interested; no further automated messages."),
        new([DealStage.Qualified], "meeting_scheduled", DealStage.MeetingBooked, false, string.Empty),
        new([DealStage.MeetingBooked], "meeting_completed", DealStage.MeetingDone, false, string.Empty),
        new([DealStage.MeetingBooked], "meeting_no_show", DealStage.Qualified, false, "Re-propose once; a second no-show goes to nurturing."),
        new([DealStage.MeetingDone], "proposal_sent", DealStage.ProposalSent, false, "The proposal itself is an approved draft."),
        new([DealStage.ProposalSent], "intent:ask_price|already_has_solution|unclear", DealStage.Negotiating, true, "approval"),
        new([DealStage.ProposalSent, DealStage.Negotiating], "terms_agreed", DealStage.PaymentRequested, true, "approval"),
        new([DealStage.PaymentRequested], "payment_confirmed", DealStage.PilotActive, true, "approval; starts onboarding"),
        new([DealStage.PaymentRequested], "payment_confirmed (purchase_type = full)", DealStage.ClosedWon, false, "human"),
        new([DealStage.PilotActive], "pilot_converted", DealStage.ClosedWon, false, "human"),
        new(ApprovalStages, "deal_lost|pilot_not_converted", DealStage.ClosedLost, false, "human"),
        new([DealStage.Qualifying, DealStage.ProposalSent], "no_response_timeout", DealStage.Nurturing, false, "after 2 follow-ups"),
        new([DealStage.Nurturing], "no_response_timeout", DealStage.ClosedLost, false, "after 3 touches; reason no_response"),
        new([DealStage.ClosedLost], "reopen", DealStage.Nurturing, false, "human"),
    ];

    /// <inheritdoc />
    public StageTransition Apply(DealStage current, StageTrigger trigger)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        if (current == DealStage.OptedOut)
        {
            return StageTransition.Unchanged(current, trigger.Name);
        }

        return trigger.IsIntent ? ApplyIntent(current, trigger.Name) : ApplyEvent(current, trigger);
    }

    private static StageTransition ApplyIntent(DealStage current, string intent)
    {
        switch (intent)
        {
            case ReplyIntent.Unsubscribe:
                return Move(current, DealStage.OptedOut, intent, reason: "unsubscribe", actions: ["suppress_contact", "cancel_drafts_and_timers"]);
            case ReplyIntent.Complaint:
                return StageTransition.Unchanged(current, intent, "pause_contact", "notify_founder");
            case ReplyIntent.WrongPerson:
                return StageTransition.Unchanged(current, intent, "referral_task");
            case ReplyIntent.OutOfOffice:
                return StageTransition.Unchanged(current, intent, "postpone_follow_ups");
            case ReplyIntent.AskDemo when current is DealStage.NewLead or DealStage.Qualifying or DealStage.Nurturing:
                return Move(current, DealStage.Qualified, intent, actions: ["book_meeting"]);
            case ReplyIntent.NotNow when current is DealStage.NewLead or DealStage.Qualifying or DealStage.Qualified:
                return Move(current, DealStage.Nurturing, intent, actions: ["schedule_follow_up"]);
            case ReplyIntent.NotInterested when BeforeNegotiating.Contains(current):
                return Move(current, DealStage.ClosedLost, intent, reason: "not_interested", actions: ["cancel_timers"]);
            case ReplyIntent.Interested or ReplyIntent.AskInfo or ReplyIntent.AskPrice or ReplyIntent.AlreadyHasSolution or ReplyIntent.Unclear
                when current == DealStage.NewLead:
                return Move(current, DealStage.Qualifying, intent, actions: ["reply_draft", "qualification_question"]);
            case ReplyIntent.Interested or ReplyIntent.AskInfo or ReplyIntent.AskPrice when current == DealStage.Nurturing:
                return Move(current, DealStage.Qualifying, intent, actions: ["reply_draft"]);
            case ReplyIntent.AskPrice or ReplyIntent.AlreadyHasSolution or ReplyIntent.Unclear when current == DealStage.ProposalSent:
                return Move(current, DealStage.Negotiating, intent, needsApproval: true, actions: ["notify_operator", "notify_founder"]);
            default:
                return StageTransition.Unchanged(current, intent, "reply_draft");
        }
    }

    private static StageTransition ApplyEvent(DealStage current, StageTrigger trigger)
    {
        string name = trigger.Name;
        return (name, current) switch
        {
            (DealTriggers.QualificationComplete, DealStage.Qualifying) => trigger.CriteriaMet == true
                ? Move(current, DealStage.Qualified, name, actions: ["book_meeting"])
                : Move(current, DealStage.ClosedLost, name, reason: "not_a_fit"),
            (DealTriggers.MeetingScheduled, DealStage.Qualified) => Move(current, DealStage.MeetingBooked, name),
            (DealTriggers.MeetingCompleted, DealStage.MeetingBooked) => Move(current, DealStage.MeetingDone, name),
            (DealTriggers.MeetingNoShow, DealStage.MeetingBooked) => trigger.NoShowCount == 0
                ? Move(current, DealStage.Qualified, name, reason: "no_show", actions: ["book_meeting"])
                : Move(current, DealStage.Nurturing, name, reason: "second_no_show"),
            (DealTriggers.ProposalSent, DealStage.MeetingDone) => Move(current, DealStage.ProposalSent, name),
            (DealTriggers.TermsAgreed, DealStage.ProposalSent or DealStage.Negotiating) =>
                Move(current, DealStage.PaymentRequested, name, needsApproval: true),
            (DealTriggers.PaymentConfirmed, DealStage.PaymentRequested) => string.Equals(trigger.PurchaseType, "full", StringComparison.Ordinal)
                ? Move(current, DealStage.ClosedWon, name, actions: ["evidence_pack"])
                : Move(current, DealStage.PilotActive, name, needsApproval: true, actions: ["start_onboarding"]),
            (DealTriggers.PilotConverted, DealStage.PilotActive) => Move(current, DealStage.ClosedWon, name, actions: ["evidence_pack"]),
            (DealTriggers.DealLost or DealTriggers.PilotNotConverted, DealStage.Negotiating or DealStage.PaymentRequested or DealStage.PilotActive) =>
                Move(current, DealStage.ClosedLost, name, reason: name),
            (DealTriggers.NoResponseTimeout, DealStage.Qualifying or DealStage.ProposalSent) => Move(current, DealStage.Nurturing, name, reason: "no_response"),
            (DealTriggers.NoResponseTimeout, DealStage.Nurturing) => Move(current, DealStage.ClosedLost, name, reason: "no_response"),
            (DealTriggers.Reopen, DealStage.ClosedLost) => Move(current, DealStage.Nurturing, name),
            (DealTriggers.FollowUpDue, _) => StageTransition.Unchanged(current, name, "follow_up_draft"),
            _ => StageTransition.Unchanged(current, name),
        };
    }

    private static StageTransition Move(DealStage from, DealStage to, string trigger, bool needsApproval = false, string? reason = null, string[]? actions = null) =>
        new(from, to, trigger, needsApproval, reason, actions ?? []);

    private static IEnumerable<DealStage> AllBut(DealStage excluded) => Enum.GetValues<DealStage>().Where(s => s != excluded);
}
