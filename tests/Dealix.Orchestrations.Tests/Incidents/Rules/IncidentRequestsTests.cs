using Dealix.Orchestrations.Incidents.Contracts;
using Dealix.Orchestrations.Incidents.Rules;

namespace Dealix.Orchestrations.Tests.Incidents.Rules;

public class IncidentRequestsTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 6, 0, 0, DateTimeKind.Utc);

    private static readonly IncidentOpenRequest Valid = new("acme", "inc-1", IncidentSources.Operator, "Leak", true, false, 1, null, true, Now.AddMinutes(-5), "corr-1", "op-1");

    [Fact]
    public void Problem_ValidRequest_IsNull() => Assert.Null(IncidentRequests.Problem(Valid, Now));

    public static TheoryData<string, IncidentOpenRequest> Invalid() => new()
    {
        { "tenant", Valid with { Tenant = "ac me" } },
        { "incident_id", Valid with { IncidentId = "inc:1" } },
        { "source", Valid with { Source = "pager" } },
        { "title", Valid with { Title = " " } },
        { "affected_customers", Valid with { AffectedCustomers = -1 } },
        { "detected_at", Valid with { DetectedAt = Now.AddHours(1) } },
        { "detected_at", Valid with { DetectedAt = default } },
        { "opened_by", Valid with { OpenedBy = "" } },
        { "customer_email", Valid with { CustomerEmail = "not an address" } },
        { "ticket_id", Valid with { TicketId = "t/1" } },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Problem_InvalidField_NamesIt(string field, IncidentOpenRequest request) =>
        Assert.Contains(field, IncidentRequests.Problem(request, Now), StringComparison.Ordinal);

    [Theory]
    [InlineData(99.49, true)]
    [InlineData(99.5, false)]
    [InlineData(100, false)]
    public void UptimeBreached_Below995(double uptime, bool breached) => Assert.Equal(breached, IncidentRequests.UptimeBreached(uptime));

    [Fact]
    public void Uptime_OneIncidentPerTenantAndAstDay()
    {
        IncidentOpenRequest late = IncidentRequests.Uptime("acme", 98.2, 3, new DateTime(2026, 11, 22, 22, 0, 0, DateTimeKind.Utc), "c", "uptime_rule");
        Assert.Equal(("uptime-20261123", IncidentSources.Uptime, 3), (late.IncidentId, late.Source, late.AffectedCustomers));
        Assert.Null(IncidentRequests.Problem(late, new DateTime(2026, 11, 22, 22, 1, 0, DateTimeKind.Utc)));
        Assert.Equal(IncidentSeverity.SEV3, IncidentPlaybook.Triage(new IncidentTriageInput(late.HasDataLeak, late.HasUnauthorizedSend, 3, late.Description)).Severity);
    }
}
