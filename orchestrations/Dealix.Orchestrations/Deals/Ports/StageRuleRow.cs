using Dealix.Orchestrations.Deals.Contracts;

namespace Dealix.Orchestrations.Deals.Ports;

/// <summary>One row of the transition table as <c>GET /os/stages</c> lists it.</summary>
public sealed record StageRuleRow(IReadOnlyList<DealStage> From, string Trigger, DealStage? To, bool NeedsApproval, string Notes);
