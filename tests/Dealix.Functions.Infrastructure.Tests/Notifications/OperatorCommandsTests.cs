using Dealix.Functions.Infrastructure.Notifications;
using Dealix.Functions.Infrastructure.Storage;
using Dealix.Functions.Infrastructure.Tests.Infrastructure;
using Dealix.Functions.Infrastructure.Webhooks;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dealix.Functions.Infrastructure.Tests.Notifications;

/// <summary>
/// The kill switch from the operator's channel (§17.8) over the real table kill switch, ledger and de-duplicator
/// (Azurite): only the founder's registered number pauses or resumes, with a ledger line and a confirmation alert.
/// </summary>
[Collection(NotificationsAzurite.Name)]
public sealed class OperatorCommandsTests(Azurite azurite)
{
    [Theory]
    [InlineData("/dealix-pause-ai", true, "")]
    [InlineData("  /DEALIX-PAUSE-AI  bad replies going out\nsecond line", true, "bad replies going out")]
    [InlineData("\n/dealix-resume-ai", false, "")]
    [InlineData("/dealix-resume-ai acme", false, "acme")]
    [InlineData("please /dealix-pause-ai", null, null)]
    [InlineData("/dealix-pause-aii", null, null)]
    [InlineData("", null, null)]
    public void Parse_FirstLine_IsTheCommand(string text, bool? paused, string? argument)
    {
        OperatorCommand? command = OperatorCommands.Parse(text);

        Assert.Equal(paused is null ? null : new OperatorCommand(paused.Value, argument!), command);
    }

    [Fact]
    public async Task Founder_PauseThenResume_TogglesTheKillSwitchWithLedgerAndConfirmation()
    {
        await using AlertRig rig = await AlertRig.StartAsync(azurite);
        (OperatorCommands commands, TableKillSwitch killSwitch, TableAuditLedger ledger) = Build(rig);

        Assert.True(await commands.TryHandleAsync("acme", WhatsApp("+966 50 000 0001", "wamid.P1", "/dealix-pause-ai spam wave"), "corr-1"));
        Assert.True(await killSwitch.IsPausedAsync("acme"));
        Assert.True(await commands.TryHandleAsync("acme", WhatsApp("966500000001", "wamid.R1", "/dealix-resume-ai"), "corr-2"));
        Assert.False(await killSwitch.IsPausedAsync());
        // A late redelivery of the pause is recognised and does not pause again.
        Assert.True(await commands.TryHandleAsync("acme", WhatsApp("966500000001", "wamid.P1", "/dealix-pause-ai spam wave"), "corr-3"));
        Assert.False(await killSwitch.IsPausedAsync());

        Assert.Equal([("kill_switch_pause", "paused", "spam wave", "operator:founder"), ("kill_switch_resume", "resumed", null, "operator:founder")],
            (await ledger.ListAsync("global")).Select(e => (e.Action, e.Outcome, e.Reason, e.Actor)));
        Assert.Equal(["Automation paused (kill switch on)", "Automation resumed (kill switch off)"],
            (await rig.Store.ListAsync("acme", 10)).OrderBy(a => a.Alert.Title, StringComparer.Ordinal).Select(a => a.Alert.Title));
    }

    [Fact]
    public async Task NotTheFounder_Command_IsHandledButChangesNothing()
    {
        await using AlertRig rig = await AlertRig.StartAsync(azurite);
        (OperatorCommands commands, TableKillSwitch killSwitch, TableAuditLedger ledger) = Build(rig);

        // The team lead: an operator contact, so not a lead message, but only the founder holds the kill switch.
        Assert.True(await commands.TryHandleAsync("acme", WhatsApp("966500000002", "wamid.L1", "/dealix-pause-ai"), "corr-1"));
        // A stranger: not an operator command at all; it goes on to the deal inbox.
        Assert.False(await commands.TryHandleAsync("acme", WhatsApp("966511111111", "wamid.S1", "/dealix-pause-ai"), "corr-2"));
        // The founder's e-mail is not trusted for commands unless Operators:Commands:AllowEmail is on.
        Assert.False(await commands.TryHandleAsync("acme", Email("Founder <founder@dealix.example>", "<m1@dealix.example>", "/dealix-pause-ai"), "corr-3"));
        // The founder resuming with an argument is refused (resume is global and exact).
        Assert.True(await commands.TryHandleAsync("acme", WhatsApp("966500000001", "wamid.R2", "/dealix-resume-ai acme"), "corr-4"));

        Assert.False(await killSwitch.IsPausedAsync("acme"));
        Assert.Equal([("founder_only", "operator:lead"), ("resume_takes_no_argument", "operator:founder")],
            (await ledger.ListAsync("global")).Select(e => (e.Reason, e.Actor)));
        Assert.Equal([("whatsapp", "refused", "not_an_operator_contact", "unknown_sender"), ("email", "refused", "not_an_operator_contact", "unknown_sender")],
            (await ledger.ListAsync("acme")).Select(e => (e.Channel, e.Outcome, e.Reason, e.Actor)));
        Assert.Equal(2, (await rig.Store.ListAsync("acme", 10)).Count(a => a.Alert.Kind == OperatorAlertKinds.KillSwitch && a.Alert.Severity == "warning"));
    }

    [Fact]
    public async Task FounderEmail_WhenAllowed_PausesAndTheOtherTenantsRouteStillKnowsTheFounder()
    {
        await using AlertRig rig = await AlertRig.StartAsync(azurite, new Dictionary<string, string?> { ["Operators:Commands:AllowEmail"] = "true" });
        (OperatorCommands commands, TableKillSwitch killSwitch, _) = Build(rig);

        Assert.True(await commands.TryHandleAsync("globex", Email("Founder <FOUNDER@dealix.example>", "<m2@dealix.example>", "/dealix-pause-ai"), "corr-1"));

        Assert.True(await killSwitch.IsPausedAsync());
    }

    private static (OperatorCommands Commands, TableKillSwitch KillSwitch, TableAuditLedger Ledger) Build(AlertRig rig)
    {
        var killSwitch = new TableKillSwitch(rig.Tables, new ConfigurationBuilder().Build(), rig.Clock);
        var ledger = new TableAuditLedger(rig.Tables);
        var commands = new OperatorCommands(rig.Directory, killSwitch, ledger, rig.Service, new TableInboundDeduplicator(rig.Tables), rig.Configuration, rig.Clock,
            NullLogger<OperatorCommands>.Instance);
        return (commands, killSwitch, ledger);
    }

    private static InboundWebhookMessage WhatsApp(string from, string id, string text) =>
        new("whatsapp_cloud", MessageChannel.WhatsApp, id, from, "106540352242922", "text", text, AlertRig.At.UtcDateTime);

    private static InboundWebhookMessage Email(string from, string id, string text) =>
        new("sendgrid", MessageChannel.Email, id, from, "sales@acme.example", "text", text, AlertRig.At.UtcDateTime, Subject: "cmd");
}
