namespace Dealix.Orchestrations.Deals.Connectors.Contracts;

/// <summary>Input of <see cref="Activities.ExecuteConnectorAction"/>: the approved action and who approved it.</summary>
/// <remarks>WARNING: persisted in history.</remarks>
public sealed record ExecuteConnectorActionInput(DealConnectorAction Action, string ApprovedBy, string IdempotencyKey);
