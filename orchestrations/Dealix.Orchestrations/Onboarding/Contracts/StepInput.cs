namespace Dealix.Orchestrations.Onboarding.Contracts;

/// <summary>What a customer (or the operator on their behalf) entered for one step, validated by the API.</summary>
/// <remarks>WARNING: persisted in history (external event).</remarks>
public sealed record StepInput(string StepId, string SubmittedBy, IReadOnlyDictionary<string, string> Values, string? CorrelationId = null);
