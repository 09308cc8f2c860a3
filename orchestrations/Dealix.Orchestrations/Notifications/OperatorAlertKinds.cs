namespace Dealix.Orchestrations.Notifications;

/// <summary>The usual values of <see cref="OperatorAlert.Kind"/> (any lowercase snake_case kind is accepted).</summary>
public static class OperatorAlertKinds
{
    public const string ApprovalReminder = "approval_reminder";

    public const string ApprovalEscalation = "approval_escalation";

    public const string SlaWarning = "sla_warning";

    public const string SlaBreach = "sla_breach";

    public const string IncidentOpened = "incident_opened";

    public const string SendUnknown = "send_unknown";

    public const string TaskOverdue = "task_overdue";

    public const string AtRisk = "at_risk";

    public const string Digest = "digest";

    /// <summary>The kill switch was engaged or released from an operator channel (§17.8).</summary>
    public const string KillSwitch = "kill_switch";
}
