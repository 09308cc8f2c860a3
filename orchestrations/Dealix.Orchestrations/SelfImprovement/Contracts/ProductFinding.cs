namespace Dealix.Orchestrations.SelfImprovement.Contracts;

/// <summary>
/// One finding of the product loop (§17.2): its category (<c>critical_bug</c>, <c>bug</c>, <c>feature_request</c>,
/// <c>ux_friction</c>), a stable key (for the task id), how many were affected and how badly (impact = affected ×
/// severity), the estimated effort in hours, the roadmap fit (1–3), the resulting score, and the action taken on it
/// (<c>critical_bug</c>: P0 issue and the founder told; <c>high_priority_feature</c>: P1 issue labelled
/// <c>ai-suggested</c>; <c>minor_fix</c>: a draft fix labelled <c>ai-generated</c>, review required).
/// </summary>
// WARNING: persisted in history.
public sealed record ProductFinding(string Category, string Key, string Title, int Affected, int Severity, int EffortHours, int Strategic, decimal Score, string Action, string Priority, string Label);
