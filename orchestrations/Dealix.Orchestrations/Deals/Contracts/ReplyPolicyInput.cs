namespace Dealix.Orchestrations.Deals.Contracts;

/// <summary>Input of the <c>EvaluateReplyPolicy</c> activity: the facts §8.6 needs that the orchestration knows,
/// and the composed reply text whose placeholders the activity fills from tenant settings.</summary>
// WARNING: persisted in history.
public sealed record ReplyPolicyInput(
    string TenantId,
    string ContactId,
    MessageChannel Channel,
    string Address,
    DealStage Stage,
    string Category,
    bool CategoryAllowsAutoReply,
    bool AnswersInbound,
    DateTime? LastInboundAt,
    bool ContactPaused,
    string? Text);
