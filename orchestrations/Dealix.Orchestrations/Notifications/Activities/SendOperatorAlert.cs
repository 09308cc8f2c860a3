using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Notifications.Activities;

/// <summary>
/// Hands an <see cref="OperatorAlert"/> to <see cref="IOperatorAlerts"/>: recorded once per idempotency key, then
/// delivered to the tenant's operators. Called by any orchestration as <see cref="OperatorAlertActivities.Send"/>;
/// a retry of the activity records and delivers nothing twice.
/// </summary>
[DurableTask(Name)]
public sealed class SendOperatorAlert(IOperatorAlerts alerts) : TaskActivity<OperatorAlert, bool>
{
    public const string Name = OperatorAlertActivities.Send;

    public override Task<bool> RunAsync(TaskActivityContext context, OperatorAlert input) => alerts.SendAsync(input);
}
