namespace Dealix.Orchestrations.Outreach.Contracts;

/// <summary>
/// Input of one tenant's daily pipeline or send-approved-batch run: who, under which correlation id (a timer run makes
/// its own, §4.2), what started it (<c>timer:{job}:{period}</c> or <c>api</c>) and, for a batch, how many drafts at most.
/// </summary>
// WARNING: persisted in history.
public sealed record OutreachRunInput(string TenantId, string CorrelationId, string Trigger, int Limit = 50);
