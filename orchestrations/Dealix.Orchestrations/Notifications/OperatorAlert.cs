namespace Dealix.Orchestrations.Notifications;

/// <summary>
/// Something an operator must hear about now (§2 ownership pattern, §4.6 escalation ladder, §17.6 smart alerts): an
/// approval reminder or escalation, an SLA warning or breach, an incident, a <c>send_unknown</c> outcome. Sent through
/// <see cref="IOperatorAlerts"/> (or the <see cref="OperatorAlertActivities.Send"/> activity) once per
/// <see cref="IdempotencyKey"/>.
/// </summary>
/// <param name="Tenant">The tenant the alert belongs to; only that tenant's operator contacts receive it.</param>
/// <param name="Kind">e.g. <c>approval_reminder</c>, <c>approval_escalation</c>, <c>sla_warning</c>, <c>sla_breach</c>,
/// <c>incident_opened</c>, <c>send_unknown</c>, <c>task_overdue</c>, <c>at_risk</c>, <c>digest</c>
/// (see <see cref="OperatorAlertKinds"/>).</param>
/// <param name="Severity"><c>info</c>, <c>warning</c> or <c>critical</c> (see <see cref="OperatorAlertSeverity"/>).</param>
/// <param name="Title">One line.</param>
/// <param name="Body">The text. Ids only: never a customer's phone number, e-mail address or message text.</param>
/// <param name="IdempotencyKey">Deterministic, made by the caller (e.g. <c>{instanceId}:{step}</c>): a retried send is
/// recorded and delivered once.</param>
/// <param name="OwnerRole">A §2 role (<c>founder</c>, <c>team_lead</c>, <c>operator</c>, …); null: the tenant's default
/// operator contacts.</param>
/// <param name="Link">Where to act, optional: an app path (<c>/api/v1/…</c>, see <see cref="OperatorLinks"/>), rendered
/// absolute when <c>Operators:PublicBaseUrl</c> is set, or an absolute http(s) URL.</param>
/// <remarks>WARNING: crosses the durable boundary (activity input) and is stored; add members only at the end with
/// defaults, never rename.</remarks>
public sealed record OperatorAlert(string Tenant, string Kind, string Severity, string Title, string Body,
    string IdempotencyKey, string? OwnerRole = null, string? Link = null);
