using Dealix.Orchestrations.Deals.Contracts;

namespace Dealix.Orchestrations.Deals.Ports;

/// <summary>The deal state machine (§8.3) as the workflow sees it: pure, no I/O, no clock.</summary>
public interface IDealStageRules
{
    /// <summary>Where <paramref name="trigger"/> takes a deal that is in <paramref name="current"/>.</summary>
    StageTransition Apply(DealStage current, StageTrigger trigger);

    /// <summary>The whole table, for <c>GET /os/stages</c>.</summary>
    IReadOnlyList<StageRuleRow> Table { get; }
}
