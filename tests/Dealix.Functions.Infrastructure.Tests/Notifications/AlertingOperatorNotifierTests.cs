using Dealix.Functions.Infrastructure.Notifications;
using Dealix.Functions.Infrastructure.Storage;
using Dealix.Functions.Infrastructure.Tests.Infrastructure;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Notifications;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dealix.Functions.Infrastructure.Tests.Notifications;

/// <summary>The deal slice's notifier calls keep their <c>Notifications</c> row and become operator alerts (real Azurite).</summary>
[Collection(NotificationsAzurite.Name)]
public sealed class AlertingOperatorNotifierTests(Azurite azurite)
{
    [Theory]
    [InlineData(ApprovalStepKind.Reminder, "approval:d-1:reminder", "approval_reminder", "warning", "team_lead")]
    [InlineData(ApprovalStepKind.Escalation, "approval:d-1:escalation", "approval_escalation", "critical", "founder")]
    [InlineData(ApprovalStepKind.Escalation, "send-unknown:d-1", "send_unknown", "critical", "operator")]
    public async Task Notify_EachDealEvent_KeepsTheTableRowAndSendsItsAlert(ApprovalStepKind kind, string key, string alertKind, string severity, string role)
    {
        await using AlertRig rig = await AlertRig.StartAsync(azurite);
        var notifier = new AlertingOperatorNotifier(new TableOperatorNotifier(rig.Tables, rig.Clock, NullLogger<TableOperatorNotifier>.Instance), rig.Service);

        Assert.True(await notifier.NotifyAsync("acme", "d-1", kind, "corr-1", key));
        Assert.True(await notifier.NotifyAsync("acme", "d-1", kind, "corr-1", key)); // an activity retry

        StoredOperatorAlert alert = Assert.Single(await rig.Store.ListAsync("acme", 10));
        Assert.Equal((alertKind, severity, role, "deal-notify:" + key), (alert.Alert.Kind, alert.Alert.Severity, alert.Alert.OwnerRole, alert.Alert.IdempotencyKey));
        Assert.Contains("d-1", alert.Alert.Title, StringComparison.Ordinal);
        Assert.Null(OperatorAlertValidation.Problem(alert.Alert));
        int rows = 0;
        await foreach (Azure.Data.Tables.TableEntity _ in (await rig.Tables.GetAsync("Notifications")).QueryAsync<Azure.Data.Tables.TableEntity>())
        {
            rows++;
        }

        Assert.Equal(1, rows);
    }
}
