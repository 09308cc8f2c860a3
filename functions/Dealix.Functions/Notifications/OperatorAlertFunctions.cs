using Dealix.Functions.Durable;
using Dealix.Orchestrations.Notifications;
using Dealix.Orchestrations.Notifications.Activities;
using Microsoft.Azure.Functions.Worker;

namespace Dealix.Functions.Notifications;

/// <summary>The notification activities as functions, for every orchestration that tells operators something.</summary>
public static class OperatorAlertFunctions
{
    /// <summary>Runs the <see cref="SendOperatorAlert"/> activity (<see cref="OperatorAlertActivities.Send"/>).</summary>
    [Function(SendOperatorAlert.Name)]
    public static Task<bool> SendOperatorAlertAsync([ActivityTrigger] OperatorAlert input, string instanceId, FunctionContext function) =>
        ActivityFunction.RunAsync<SendOperatorAlert, OperatorAlert, bool>(function, instanceId, input);
}
