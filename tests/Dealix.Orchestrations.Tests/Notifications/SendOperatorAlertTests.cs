using Dealix.Orchestrations.Notifications;
using Dealix.Runtime.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Dealix.Orchestrations.Tests.Notifications;

/// <summary>
/// An orchestration tells operators through the <see cref="OperatorAlertActivities.Send"/> activity: the alert reaches
/// <see cref="IOperatorAlerts"/> unchanged, and the activity's answer comes back to the orchestration.
/// </summary>
public sealed class SendOperatorAlertTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 4, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task SendOperatorAlert_CalledFromAnOrchestration_HandsTheAlertToThePortOnce()
    {
        var alerts = new Mock<IOperatorAlerts>();
        var alert = new OperatorAlert("acme", OperatorAlertKinds.SlaBreach, OperatorAlertSeverity.Critical, "P0 ticket t-1 breached",
            "Ticket t-1: first response overdue.", "sla:acme:t-1:first_response:breach", "founder");
        alerts.Setup(a => a.SendAsync(alert, It.IsAny<CancellationToken>())).ReturnsAsync(true);
        await using DurableTaskTestHost host = await DurableTaskTestHost.StartAsync(new FakeTimeProvider(At),
            tasks => tasks.AddNotifications().AddOrchestratorFunc<OperatorAlert, bool>("AlertCaller",
                (context, input) => context.CallActivityAsync<bool>(OperatorAlertActivities.Send, input)),
            services => services.AddSingleton(alerts.Object));

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync("AlertCaller", alert);
        await host.WaitForCompletionAsync(id);

        Assert.True(await host.GetOutputAsync<bool>(id));
        alerts.Verify(a => a.SendAsync(alert, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Theory]
    [InlineData("acme", "sla_breach", "critical", "t", "k", null, null, null)]
    [InlineData("", "sla_breach", "critical", "t", "k", null, null, "Tenant")]
    [InlineData("acme/x", "sla_breach", "critical", "t", "k", null, null, "Tenant")]
    [InlineData("acme", "SLA Breach", "critical", "t", "k", null, null, "Kind")]
    [InlineData("acme", "sla_breach", "urgent", "t", "k", null, null, "Severity")]
    [InlineData("acme", "sla_breach", "critical", " ", "k", null, null, "Title")]
    [InlineData("acme", "sla_breach", "critical", "t", "", null, null, "IdempotencyKey")]
    [InlineData("acme", "sla_breach", "critical", "t", "k", "Founder!", null, "OwnerRole")]
    [InlineData("acme", "sla_breach", "critical", "t", "k", "team_lead", "javascript:alert(1)", "Link")]
    [InlineData("acme", "sla_breach", "warning", "t", "k", "team_lead", "https://dealix.example/a/1", null)]
    public void Problem_EachField_IsCheckedWithAReasonNamingIt(string tenant, string kind, string severity, string title, string key, string? role,
        string? link, string? field)
    {
        string? problem = OperatorAlertValidation.Problem(new OperatorAlert(tenant, kind, severity, title, "body", key, role, link));

        if (field is null)
        {
            Assert.Null(problem);
        }
        else
        {
            Assert.StartsWith(field, problem);
        }
    }
}
