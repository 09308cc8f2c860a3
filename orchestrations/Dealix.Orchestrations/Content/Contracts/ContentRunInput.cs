namespace Dealix.Orchestrations.Content.Contracts;

/// <summary>Input of the <c>SuggestWeeklyContent</c> activity: whose calendar, which ISO week, the flow's correlation id and the orchestration's time.</summary>
// WARNING: persisted in history.
public sealed record ContentRunInput(string TenantId, string Week, string CorrelationId, DateTime At);
