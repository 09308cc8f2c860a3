namespace Dealix.Orchestrations.CustomerSuccess.Contracts;

/// <summary>The at-risk alert of one customer (§14.3): the 0–100 score, the severity and the tasks to create.</summary>
public sealed record AtRiskAlert(int RiskScore, RiskSeverity Severity, IReadOnlyList<CsTask> Tasks);

/// <summary>A customer-success task: action, priority and due time in business days.</summary>
public sealed record CsTask(string Action, string Priority, int DueWithinBusinessDays, bool ShowInFounderDigest);
