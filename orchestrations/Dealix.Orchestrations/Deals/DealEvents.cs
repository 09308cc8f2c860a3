namespace Dealix.Orchestrations.Deals;

/// <summary>External event names of the deal area.</summary>
// WARNING: stored in history and used by the webhooks and the operator API; never change a value.
public static class DealEvents
{
    /// <summary>To a deal instance: a contact's message (<see cref="Contracts.InboundMessage"/>).</summary>
    public const string InboundMessageReceived = "InboundMessageReceived";

    /// <summary>To a deal instance: an operator or calendar event (<see cref="Contracts.DealStageEvent"/>).</summary>
    public const string StageEventRaised = "StageEventRaised";

    /// <summary>To an approval instance: the operator's decision (<see cref="Contracts.DraftDecision"/>).</summary>
    public const string DraftDecided = "DraftDecided";

    /// <summary>From an approval instance to its deal: how the draft ended (<see cref="Contracts.DraftDecision"/>).</summary>
    public const string DraftResolved = "DraftResolved";

    /// <summary>To a deal instance: the payment provider reports a payment as paid (<see cref="Connectors.Contracts.PaymentReceived"/>).</summary>
    public const string PaymentReceived = "PaymentReceived";
}
