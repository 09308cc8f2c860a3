namespace Dealix.Orchestrations.Support.Contracts;

/// <summary>
/// An alert to an operator role from the support area, shaped as the shared Operator alerts contract
/// (<c>OperatorAlert</c>): kind <c>sla_warning</c>, <c>sla_breach</c>, <c>p0_ticket</c>, <c>approval_reminder</c> or
/// <c>approval_escalation</c>; severity <c>info</c>/<c>warning</c>/<c>critical</c>. The body carries ids only.
/// </summary>
public sealed record SupportAlert(string Tenant, string Kind, string Severity, string Title, string Body, string IdempotencyKey,
    string? OwnerRole = null, string? Link = null);
