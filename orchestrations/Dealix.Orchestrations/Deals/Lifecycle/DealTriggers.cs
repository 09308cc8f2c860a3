namespace Dealix.Orchestrations.Deals.Lifecycle;

/// <summary>Non-intent trigger names of DOMAIN.md §8.2.</summary>
// WARNING: persisted in history and on the audit ledger; never rename the values.
public static class DealTriggers
{
    public const string QualificationComplete = "qualification_complete";
    public const string MeetingScheduled = "meeting_scheduled";
    public const string MeetingCompleted = "meeting_completed";
    public const string MeetingNoShow = "meeting_no_show";
    public const string ProposalSent = "proposal_sent";
    public const string TermsAgreed = "terms_agreed";
    public const string PaymentConfirmed = "payment_confirmed";
    public const string PilotConverted = "pilot_converted";
    public const string PilotNotConverted = "pilot_not_converted";
    public const string DealLost = "deal_lost";
    public const string FollowUpDue = "follow_up_due";
    public const string NoResponseTimeout = "no_response_timeout";
    public const string OperatorTask = "operator_task";
    public const string Reopen = "reopen";

    /// <summary>Events an operator (or calendar ingest) may raise.</summary>
    public static IReadOnlyList<string> OperatorEvents { get; } =
    [
        QualificationComplete, MeetingScheduled, MeetingCompleted, MeetingNoShow, ProposalSent, TermsAgreed,
        PaymentConfirmed, PilotConverted, PilotNotConverted, DealLost, Reopen,
    ];
}
