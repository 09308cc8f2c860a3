using Dealix.Orchestrations.Deals.Contracts;

namespace Dealix.Functions.Infrastructure.Approvals;

/// <summary>The outcome of a decision and the draft as stored after it.</summary>
public sealed record DecisionResult(DecisionOutcome Outcome, ReplyDraft? Draft);
