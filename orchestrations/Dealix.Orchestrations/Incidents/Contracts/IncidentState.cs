namespace Dealix.Orchestrations.Incidents.Contracts;

/// <summary>
/// An incident as it stands: the orchestration's custom status and the <c>Incidents</c> row. <c>Phase</c> is
/// <c>open</c> → <c>contained</c> → <c>resolved</c> → <c>closed</c>; <c>Acknowledged</c> turns true once every plan
/// step was acknowledged by its owner.
/// </summary>
// WARNING: persisted in history and in storage.
public sealed record IncidentState
{
    public required string Tenant { get; init; }
    public required string IncidentId { get; init; }
    public required string InstanceId { get; init; }
    public required string Title { get; init; }
    public required string Source { get; init; }
    public required IncidentSeverity Severity { get; init; }
    public required string Commander { get; init; }
    public required string CommCadence { get; init; }
    public required string CorrelationId { get; init; }
    public required string Phase { get; init; }
    public required DateTime DetectedAt { get; init; }
    public bool Acknowledged { get; init; }
    public DateTime? AcknowledgedAt { get; init; }
    public DateTime? ContainedAt { get; init; }
    public DateTime? ResolvedAt { get; init; }
    public DateTime? ClosedAt { get; init; }
    public bool Frozen { get; init; }

    /// <summary>What the freeze covers: <c>global</c> (SEV1, every tenant's sends and charges) or <c>tenant</c>.</summary>
    public string? FreezeScope { get; init; }
    public DateTime? FrozenAt { get; init; }
    public DateTime? UnfrozenAt { get; init; }
    public string? UnfrozenBy { get; init; }
    public required IReadOnlyList<IncidentStepState> Steps { get; init; }
    public required IncidentPdplState Pdpl { get; init; }
    public int UpdatesDrafted { get; init; }
    public required IReadOnlyList<IncidentUpdateState> Updates { get; init; }
    public bool PostMortemDrafted { get; init; }
    public string? TicketId { get; init; }
}

/// <summary>One plan step as a human task: its owner, due time and how it ended.</summary>
// WARNING: persisted in history and in storage.
public sealed record IncidentStepState(string Key, string Title, string OwnerRole, string TaskId, DateTime DueAt, string Status,
    string? By = null, DateTime? At = null);

/// <summary>The PDPL clock (§13.2): <c>Status</c> is <c>not_required</c>, <c>pending</c>, <c>overdue</c> or the
/// founder's <c>sent</c> / <c>not_required</c> decision.</summary>
// WARNING: persisted in history and in storage.
public sealed record IncidentPdplState(bool Required, DateTime DueAt, string Status, int RemindersSent, string? Reference = null, string? DecidedBy = null);

/// <summary>One customer-communication draft (§13.5) and its approval.</summary>
// WARNING: persisted in history and in storage.
public sealed record IncidentUpdateState(string DraftId, string Kind, DateTime CreatedAt, string Status);
