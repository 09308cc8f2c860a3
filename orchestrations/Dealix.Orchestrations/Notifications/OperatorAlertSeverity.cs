namespace Dealix.Orchestrations.Notifications;

/// <summary>The wire values of <see cref="OperatorAlert.Severity"/>.</summary>
public static class OperatorAlertSeverity
{
    public const string Info = "info";

    public const string Warning = "warning";

    public const string Critical = "critical";

    /// <summary>True for one of the three values.</summary>
    public static bool IsValid(string? severity) => severity is Info or Warning or Critical;
}
