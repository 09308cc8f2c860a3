namespace Dealix.Orchestrations.Incidents.Contracts;

/// <summary>The §13.4 post-mortem draft of a resolved incident: facts filled in, the judgements left for its owner.</summary>
// WARNING: persisted in history and in storage.
public sealed record PostMortemDraft(string Tenant, string IncidentId, string Owner, DateTime DueAt, DateTime CreatedAt, string Markdown);
