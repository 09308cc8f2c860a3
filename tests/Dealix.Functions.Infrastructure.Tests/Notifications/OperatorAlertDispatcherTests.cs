using System.Text.Json;
using Dealix.Functions.Infrastructure.Notifications;
using Dealix.Functions.Infrastructure.Tests.Infrastructure;
using Dealix.Orchestrations.Notifications;
using Microsoft.Extensions.Configuration;
using MimeKit;

namespace Dealix.Functions.Infrastructure.Tests.Notifications;

/// <summary>
/// Delivery of queued alerts to loopback providers (real Azurite, SMTP and HTTP fakes): the exact request shapes, at most
/// once per delivery, retries with a visible failed state, and the live-send flags.
/// </summary>
[Collection(NotificationsAzurite.Name)]
public sealed class OperatorAlertDispatcherTests(Azurite azurite)
{
    [Fact]
    public async Task Deliver_LiveChannels_SendsEachOnceInTheProvidersShapes()
    {
        await using AlertRig rig = await AlertRig.StartAsync(azurite);
        OperatorAlert alert = OperatorAlertStoreTests.Alert("acme", "founder");
        await rig.Service.SendAsync(alert);
        string alertId = OperatorAlertStore.AlertId(alert);

        Assert.Equal([AlertStatus.Sent, AlertStatus.Sent, AlertStatus.Sent], await rig.DrainAsync());
        // Redelivered queue messages and a retried SendAsync send nothing more.
        foreach ((AlertDeliveryMessage message, _) in rig.Queue.Sent.ToList())
        {
            await rig.Queue.EnqueueAsync(message);
        }

        await rig.Service.SendAsync(alert);
        Assert.Equal([AlertStatus.Sent, AlertStatus.Sent, AlertStatus.Sent], await rig.DrainAsync());

        // E-mail: to the founder, from the alerts sender, subject with the severity, the body names ids only.
        SmtpDelivery mail = Assert.Single(rig.Smtp.Deliveries);
        Assert.Contains("<founder@dealix.example>", Assert.Single(mail.RcptTo), StringComparison.Ordinal);
        MimeMessage email = MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(mail.Data)));
        Assert.Equal("[Dealix critical] Draft d-1 breached its approval SLA", email.Subject);
        Assert.Contains($"alert: {alertId}", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://dealix.example/approval-center?tenant=acme", email.TextBody, StringComparison.Ordinal);
        Assert.Null(email.Headers["List-Unsubscribe"]);

        // WhatsApp: the Cloud API text message to the founder's number; the team-chat webhook: signed JSON.
        Assert.Equal(2, rig.Http.Requests.Count);
        RecordedRequest whatsApp = Assert.Single(rig.Http.Requests, r => r.PathAndQuery == "/v23.0/106540352242922/messages");
        Assert.Equal("Bearer graph-token", whatsApp.Headers["Authorization"]);
        using (JsonDocument body = JsonDocument.Parse(whatsApp.Body))
        {
            Assert.Equal("966500000001", body.RootElement.GetProperty("to").GetString());
            Assert.Equal(AlertTexts.Text(alert, alertId), body.RootElement.GetProperty("text").GetProperty("body").GetString());
        }

        RecordedRequest hook = Assert.Single(rig.Http.Requests, r => r.PathAndQuery == "/hooks/team-chat");
        Assert.Equal("POST", hook.Method);
        Assert.Equal("application/json; charset=utf-8", hook.ContentType);
        Assert.Equal("operator_alert", hook.Headers["X-Dealix-Event"]);
        Assert.Equal(AlertRig.At.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), hook.Headers["X-Dealix-Timestamp"]);
        Assert.True(OperatorWebhookSender.Verify(AlertRig.WebhookSecret, hook.Headers["X-Dealix-Signature"], hook.Body, AlertRig.At, TimeSpan.FromMinutes(5)));
        Assert.False(OperatorWebhookSender.Verify("another-secret-0123456789", hook.Headers["X-Dealix-Signature"], hook.Body, AlertRig.At, TimeSpan.FromMinutes(5)));
        Assert.False(OperatorWebhookSender.Verify(AlertRig.WebhookSecret, hook.Headers["X-Dealix-Signature"], [.. hook.Body, (byte)' '], AlertRig.At,
            TimeSpan.FromMinutes(5)));
        Assert.False(OperatorWebhookSender.Verify(AlertRig.WebhookSecret, hook.Headers["X-Dealix-Signature"], hook.Body, AlertRig.At.AddMinutes(10),
            TimeSpan.FromMinutes(5)));
        using (JsonDocument body = JsonDocument.Parse(hook.Body))
        {
            JsonElement root = body.RootElement;
            Assert.Equal(["type", "delivery_id", "alert_id", "tenant", "kind", "severity", "title", "body", "owner_role", "link", "created_at", "text"],
                root.EnumerateObject().Select(p => p.Name));
            Assert.Equal((hook.Headers["X-Dealix-Delivery"], alertId, "acme", "approval_escalation", "critical", "2026-12-04T06:00:00Z"),
                (root.GetProperty("delivery_id").GetString(), root.GetProperty("alert_id").GetString(), root.GetProperty("tenant").GetString(),
                root.GetProperty("kind").GetString(), root.GetProperty("severity").GetString(), root.GetProperty("created_at").GetString()));
        }

        Assert.All(await rig.Store.ListDeliveriesAsync("acme", alertId), d => Assert.Equal((AlertStatus.Sent, 1), (d.Status, d.Attempts)));
    }

    [Fact]
    public async Task Deliver_WebhookRefusesEveryTime_RetriesWithDelayThenLeavesFailed()
    {
        await using AlertRig rig = await AlertRig.StartAsync(azurite, new Dictionary<string, string?>
        {
            ["Operators:LiveSend:Email"] = "false",
            ["Operators:LiveSend:WhatsApp"] = "false",
        });
        rig.Http.Reset().Answer(503, "{}");
        OperatorAlert alert = OperatorAlertStoreTests.Alert("acme", "founder");
        await rig.Service.SendAsync(alert);

        List<string?> states = await rig.DrainAsync();

        // E-mail and WhatsApp simulated (live send off); the webhook refused, queued again, refused again: failed.
        Assert.Equal([AlertStatus.Simulated, AlertStatus.Simulated, AlertStatus.Pending, AlertStatus.Failed], states);
        Assert.Equal(TimeSpan.FromSeconds(30), rig.Queue.Sent[^1].Delay);
        Assert.Equal(2, rig.Http.Requests.Count); // MaxAttempts = 2
        Assert.Equal(rig.Http.Requests.First().Headers["X-Dealix-Delivery"], rig.Http.Requests.Last().Headers["X-Dealix-Delivery"]);
        AlertDelivery hook = Assert.Single(await rig.Store.ListDeliveriesAsync("acme", OperatorAlertStore.AlertId(alert)), d => d.Channel == AlertChannel.Webhook);
        Assert.Equal((AlertStatus.Failed, 2, "webhook:http_503"), (hook.Status, hook.Attempts, hook.LastError));
        Assert.Empty(rig.Smtp.Deliveries);
    }

    [Fact]
    public async Task Deliver_WhatsAppAnswerLost_FailsAtOnceAndIsNeverResent()
    {
        await using AlertRig rig = await AlertRig.StartAsync(azurite, new Dictionary<string, string?>
        {
            ["Operators:LiveSend:Email"] = "false",
            ["Operators:LiveSend:Webhook"] = "false",
        });
        rig.Http.Reset().Answer(500, """{"error":{"code":1}}""");
        OperatorAlert alert = OperatorAlertStoreTests.Alert("acme", "founder");
        await rig.Service.SendAsync(alert);

        await rig.DrainAsync();
        await rig.Service.SendAsync(alert);
        await rig.DrainAsync();

        RecordedRequest only = Assert.Single(rig.Http.Requests);
        Assert.EndsWith("/messages", only.PathAndQuery, StringComparison.Ordinal);
        AlertDelivery whatsApp = Assert.Single(await rig.Store.ListDeliveriesAsync("acme", OperatorAlertStore.AlertId(alert)), d => d.Channel == AlertChannel.WhatsApp);
        Assert.Equal((AlertStatus.Failed, "outcome_unknown:whatsapp_cloud:http_500"), (whatsApp.Status, whatsApp.LastError));
    }

    [Fact]
    public async Task Deliver_WhatsAppTemplateConfigured_SendsTheApprovedTemplateWithHeadlineAndLink()
    {
        await using AlertRig rig = await AlertRig.StartAsync(azurite, new Dictionary<string, string?>
        {
            ["Operators:LiveSend:Email"] = "false",
            ["Operators:LiveSend:Webhook"] = "false",
            ["Operators:WhatsAppTemplate:Name"] = "dealix_operator_alert",
        });
        OperatorAlert alert = OperatorAlertStoreTests.Alert("acme", "founder");
        await rig.Service.SendAsync(alert);

        await rig.DrainAsync();

        RecordedRequest only = Assert.Single(rig.Http.Requests);
        Assert.Equal("/v23.0/106540352242922/messages", only.PathAndQuery);
        Assert.Equal(
            """{"messaging_product":"whatsapp","to":"966500000001","type":"template","template":{"name":"dealix_operator_alert","language":{"code":"ar"},"components":[{"type":"body","parameters":[{"type":"text","text":"[Dealix critical] Draft d-1 breached its approval SLA"},{"type":"text","text":"https://dealix.example/approval-center?tenant=acme"}]}]}}""",
            System.Text.Encoding.UTF8.GetString(only.Body));
        AlertDelivery whatsApp = Assert.Single(await rig.Store.ListDeliveriesAsync("acme", OperatorAlertStore.AlertId(alert)), d => d.Channel == AlertChannel.WhatsApp);
        Assert.Equal((AlertStatus.Sent, 1), (whatsApp.Status, whatsApp.Attempts));
    }

    [Fact]
    public async Task Deliver_WhatsAppTextOutsideTheOperatorsWindow_FailsAtOnceAsTemplateRequired()
    {
        await using AlertRig rig = await AlertRig.StartAsync(azurite, new Dictionary<string, string?>
        {
            ["Operators:LiveSend:Email"] = "false",
            ["Operators:LiveSend:Webhook"] = "false",
        });
        rig.Http.Reset().Answer(400, """{"error":{"message":"Re-engagement message","type":"OAuthException","code":131047,"fbtrace_id":"A1"}}""");
        OperatorAlert alert = OperatorAlertStoreTests.Alert("acme", "founder");
        await rig.Service.SendAsync(alert);

        Assert.Equal([AlertStatus.Failed, AlertStatus.Simulated, AlertStatus.Simulated], (await rig.DrainAsync()).Order());

        RecordedRequest only = Assert.Single(rig.Http.Requests); // not retried: the same text would be refused again
        using (JsonDocument body = JsonDocument.Parse(only.Body))
        {
            Assert.Equal("text", body.RootElement.GetProperty("type").GetString());
        }

        AlertDelivery whatsApp = Assert.Single(await rig.Store.ListDeliveriesAsync("acme", OperatorAlertStore.AlertId(alert)), d => d.Channel == AlertChannel.WhatsApp);
        Assert.Equal((AlertStatus.Failed, 1, "whatsapp_template_required:whatsapp_cloud:http_400:131047"),
            (whatsApp.Status, whatsApp.Attempts, whatsApp.LastError));
        Assert.Empty(rig.Queue.Messages);
    }

    [Fact]
    public void TemplateParameters_AreOneLineEachAndCut_WithoutTheBody()
    {
        var alert = new OperatorAlert("acme", "digest", "info", "Morning digest\n\tfor  acme", "a body with\nlines is not a parameter", "k-1",
            Link: "https://dealix.example/" + new string('x', 400));

        IReadOnlyList<string> parameters = AlertTexts.TemplateParameters(alert, "alert-1");

        Assert.Equal(2, parameters.Count);
        Assert.Equal("[Dealix info] Morning digest for acme", parameters[0]);
        Assert.Equal(AlertTexts.MaxTemplateParameter, parameters[1].Length);
        Assert.EndsWith("x…", parameters[1], StringComparison.Ordinal);
        Assert.Equal("alert alert-1 · tenant acme", AlertTexts.TemplateParameters(alert with { Link = null }, "alert-1")[1]);
    }

    [Theory]
    [InlineData("Operators:WhatsAppTemplate:Name", "Dealix-Alert", "Operators:WhatsAppTemplate:Name must be a WhatsApp template name")]
    [InlineData("Operators:WhatsAppTemplate:Language", "arabic", "Operators:WhatsAppTemplate:Language must be a template language code")]
    [InlineData("Operators:Contacts:x:Tenant", "acme corp", "Operators:Contacts:x:Tenant must be a tenant id")]
    [InlineData("Operators:Contacts:x:Role", "boss", "Operators:Contacts:x:Role must be one of")]
    [InlineData("Operators:Contacts:x:Email", "Founder <f@x.example>", "Operators:Contacts:x:Email is not a bare e-mail address")]
    [InlineData("Operators:Contacts:x:WhatsApp", "05-1234", "Operators:Contacts:x:WhatsApp must be an international number")]
    [InlineData("Operators:Webhooks:w:Url", "http://chat.example/hook", "Operators:Webhooks:w:Url must be an absolute https URL")]
    [InlineData("Operators:Webhooks:w:Secret", "short", "Operators:Webhooks:w:Secret must be at least 16 characters")]
    [InlineData("Operators:LiveSend:Email", "yes", "Operators:LiveSend:Email must be true or false")]
    public void Directory_InvalidSetting_RefusesToStartNamingIt(string key, string value, string reason)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Operators:Contacts:x:Tenant"] = "acme",
            ["Operators:Contacts:x:Role"] = "founder",
            ["Operators:Contacts:x:Email"] = "founder@dealix.example",
            ["Operators:Webhooks:w:Tenant"] = "*",
            ["Operators:Webhooks:w:Url"] = "https://chat.example/hook",
            ["Operators:Webhooks:w:Secret"] = "0123456789abcdef",
            ["Operators:WhatsAppTemplate:Name"] = "dealix_operator_alert",
            ["Operators:WhatsAppTemplate:Language"] = "en_US",
        };
        var valid = new OperatorDirectory(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        settings[key] = value;

        InvalidOperationException error = Assert.Throws<InvalidOperationException>(
            () => new OperatorDirectory(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Single(valid.Contacts);
        Assert.Single(valid.Webhooks);
        Assert.Equal(new AlertTemplate("dealix_operator_alert", "en_US"), valid.WhatsAppTemplate);
    }
}
