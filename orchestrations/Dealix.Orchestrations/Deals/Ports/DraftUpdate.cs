using Dealix.Orchestrations.Deals.Contracts;

namespace Dealix.Orchestrations.Deals.Ports;

/// <summary>The result of a conditional status change: the draft as stored now (null when unknown) and whether this
/// call made the change.</summary>
public sealed record DraftUpdate(ReplyDraft? Draft, bool Applied);
