namespace Dealix.Orchestrations.Deals.Contracts;

/// <summary>Facts about stages that several parts of the deal workflow need (§8.1).</summary>
public static class DealStages
{
    /// <summary>True for <c>negotiating</c>, <c>payment_requested</c> and <c>pilot_active</c>: moves into them and every
    /// outbound message while in them need a human approval, and auto-send never applies.</summary>
    public static bool IsApprovalStage(DealStage stage) =>
        stage is DealStage.Negotiating or DealStage.PaymentRequested or DealStage.PilotActive;

    /// <summary>True for <c>opted_out</c>: nothing is ever sent again.</summary>
    public static bool IsTerminal(DealStage stage) => stage is DealStage.OptedOut;

    /// <summary>True when the stage sends nothing (§8.8: closed_lost and opted_out have no template).</summary>
    public static bool IsSilent(DealStage stage) => stage is DealStage.ClosedLost or DealStage.OptedOut;

    /// <summary>The snake_case wire name of a stage.</summary>
    public static string WireName(DealStage stage) =>
        System.Text.Json.JsonSerializer.Serialize(stage).Trim('"');
}
