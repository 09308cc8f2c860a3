namespace Dealix.Orchestrations.Notifications;

/// <summary>The stored names of the notification activities; orchestrations call them by these constants.</summary>
public static class OperatorAlertActivities
{
    /// <summary>Input <see cref="OperatorAlert"/>, output bool (see <see cref="IOperatorAlerts.SendAsync"/>).</summary>
    /// <remarks>WARNING: stored in orchestration histories; never change the value.</remarks>
    public const string Send = "SendOperatorAlert";
}
