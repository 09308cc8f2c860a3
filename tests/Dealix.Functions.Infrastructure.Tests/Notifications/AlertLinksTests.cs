using System.Text.Json;
using Dealix.Functions.Infrastructure.Notifications;
using Dealix.Functions.Infrastructure.Tests.Infrastructure;
using Dealix.Orchestrations.Notifications;
using Microsoft.Extensions.Configuration;
using MimeKit;

namespace Dealix.Functions.Infrastructure.Tests.Notifications;

/// <summary>
/// Alert links: the app path an alert carries (<see cref="OperatorLinks"/>) reaches the operator on every channel, made
/// absolute against <c>Operators:PublicBaseUrl</c> when it is configured; a wrong base URL stops the start; a link that is
/// neither an app path nor an http(s) URL is refused.
/// </summary>
[Collection(NotificationsAzurite.Name)]
public sealed class AlertLinksTests(Azurite azurite)
{
    [Theory]
    [InlineData("/api/v1/customer-ops/support/tickets/t-1?tenant=acme", true)]
    [InlineData("https://console.dealix.example/#/tickets/t-1", true)]
    [InlineData("//evil.example/x", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("api/v1/tasks", false)]
    [InlineData("/api/v1/tasks x", false)]
    [InlineData("", false)]
    public void Validation_AcceptsAppPathsAndHttpUrlsOnly(string link, bool valid)
    {
        Assert.Equal(valid, OperatorLinks.IsValid(link));
        Assert.Equal(valid, OperatorAlertValidation.Problem(Alert(link)) is null);
    }

    [Fact]
    public void Links_AreTenantScopedApiPaths_RenderedAgainstTheBase()
    {
        Assert.Equal("/api/v1/customer-ops/support/tickets/t-1?tenant=acme", OperatorLinks.Ticket("acme", "t-1"));
        Assert.Equal("/api/v1/customer-ops/incidents/p0-t-1?tenant=acme", OperatorLinks.Incident("acme", "p0-t-1"));
        Assert.Equal("/api/v1/approval-center?tenant=acme&status=pending_approval", OperatorLinks.PendingApprovals("acme"));
        Assert.Equal("/api/v1/approval-center?tenant=acme&status=send_unknown", OperatorLinks.SendUnknown("acme"));
        Assert.Equal("https://ops.example/dealix/api/v1/tasks", AlertLinks.Render("/api/v1/tasks", new Uri("https://ops.example/dealix/")));
        Assert.Equal("https://ops.example/api/v1/tasks", AlertLinks.Render("/api/v1/tasks", new Uri("https://ops.example")));
        Assert.Equal("/api/v1/tasks", AlertLinks.Render("/api/v1/tasks", null));
        Assert.Equal("https://other.example/x", AlertLinks.Render("https://other.example/x", new Uri("https://ops.example")));
        Assert.Null(AlertLinks.Render(null, new Uri("https://ops.example")));

        foreach (string bad in (string[])["ops.example", "ftp://ops.example", "https://ops.example/?a=1", "https://user:pw@ops.example"])
        {
            InvalidOperationException error = Assert.Throws<InvalidOperationException>(() => new OperatorDirectory(
                new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Operators:PublicBaseUrl"] = bad }).Build()));
            Assert.Contains("Operators:PublicBaseUrl", error.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(null, "/api/v1/customer-ops/support/tickets/t-9?tenant=acme")]
    [InlineData("https://ops.dealix.example/app/", "https://ops.dealix.example/app/api/v1/customer-ops/support/tickets/t-9?tenant=acme")]
    public async Task Delivery_EveryChannelCarriesTheLink(string? publicBase, string shown)
    {
        await using AlertRig rig = await AlertRig.StartAsync(azurite, new Dictionary<string, string?> { ["Operators:PublicBaseUrl"] = publicBase });
        OperatorAlert alert = Alert(OperatorLinks.Ticket("acme", "t-9"));
        Assert.True(await rig.Service.SendAsync(alert));
        Assert.Equal([AlertStatus.Sent, AlertStatus.Sent, AlertStatus.Sent], await rig.DrainAsync());

        MimeMessage email = MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Assert.Single(rig.Smtp.Deliveries).Data)));
        Assert.Contains(shown + "\n", email.TextBody!.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        using JsonDocument whatsApp = JsonDocument.Parse(Assert.Single(rig.Http.Requests, r => r.PathAndQuery.EndsWith("/messages", StringComparison.Ordinal)).Body);
        Assert.Contains(shown + "\n", whatsApp.RootElement.GetProperty("text").GetProperty("body").GetString(), StringComparison.Ordinal);
        using JsonDocument hook = JsonDocument.Parse(Assert.Single(rig.Http.Requests, r => r.PathAndQuery == "/hooks/team-chat").Body);
        Assert.Equal(shown, hook.RootElement.GetProperty("link").GetString());
        Assert.Contains(shown, hook.RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);

        // The stored alert keeps the app path; the base URL is applied when rendering.
        Assert.Equal(alert.Link, (await rig.Store.GetAsync("acme", OperatorAlertStore.AlertId(alert)))!.Alert.Link);
    }

    private static OperatorAlert Alert(string link) =>
        new("acme", OperatorAlertKinds.SlaBreach, "critical", "P0 ticket t-9: first_response SLA breached", "ticket=t-9 priority=P0", "sla:acme:t-9:" + link.Length,
            "founder", link);
}
