using Dealix.Functions.Infrastructure.Webhooks;
using Dealix.Orchestrations.Deals.Contracts;
using Dealix.Orchestrations.Deals.Lifecycle;
using Dealix.Orchestrations.Deals.Ports;
using Dealix.Orchestrations.Notifications;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Dealix.Functions.Infrastructure.Notifications;

/// <summary>
/// The kill switch from the operator's own channel (§17.8): an inbound WhatsApp message (or, when
/// <c>Operators:Commands:AllowEmail</c> is true, an e-mail) from a registered operator contact whose first line is
/// <c>/dealix-pause-ai</c> (anything after it is kept as the reason) or exactly <c>/dealix-resume-ai</c> pauses or resumes
/// every automated external action, with a ledger line and a confirmation alert. Only a <c>founder</c> contact may do
/// either (§17.8); another registered contact's command changes nothing, is on the ledger and the founder is told.
/// A registered contact's command is never a lead message. A command from anyone else is not a command: it changes
/// nothing, is on the ledger, and goes on to the deal inbox like any other contact message.
/// </summary>
public sealed partial class OperatorCommands(
    OperatorDirectory directory,
    IKillSwitch killSwitch,
    IAuditLedger ledger,
    IOperatorAlerts alerts,
    IInboundDeduplicator deduplicator,
    IConfiguration configuration,
    TimeProvider clock,
    ILogger<OperatorCommands> log)
{
    public const string Pause = "/dealix-pause-ai";
    public const string Resume = "/dealix-resume-ai";

    /// <summary>The command in <paramref name="text"/> (its first non-empty line), or null.</summary>
    public static OperatorCommand? Parse(string? text)
    {
        string? line = text?.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
        if (line is null)
        {
            return null;
        }

        string word = line.Split(' ', 2)[0];
        string rest = line.Length > word.Length ? line[word.Length..].Trim() : string.Empty;
        return word.ToLowerInvariant() switch
        {
            Pause => new OperatorCommand(true, rest.Length > 100 ? rest[..100] : rest),
            Resume => new OperatorCommand(false, rest),
            _ => null,
        };
    }

    /// <summary>
    /// Handles <paramref name="message"/> if it is an operator command; true when it was one from a registered contact
    /// (including a redelivery of one), which then must not reach the deal inbox.
    /// </summary>
    public async Task<bool> TryHandleAsync(string tenant, InboundWebhookMessage message, string correlationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (Parse(message.Text ?? message.Subject) is not { } command || message.IsAutomated || message.IsBounce)
        {
            return false;
        }

        bool email = message.Channel == MessageChannel.Email;
        OperatorContact? contact = message.Channel switch
        {
            MessageChannel.WhatsApp => directory.FindByWhatsApp(tenant, message.From),
            MessageChannel.Email when configuration.GetValue<bool>("Operators:Commands:AllowEmail") => directory.FindByEmail(tenant, message.From),
            _ => null,
        };
        string key = $"operator-command:{message.Provider}:{message.ProviderMessageId}";
        string action = command.Paused ? "kill_switch_pause" : "kill_switch_resume";
        DateTime now = clock.GetUtcNow().UtcDateTime;
        string channel = email ? "email" : "whatsapp";
        if (contact is null)
        {
            await ledger.AppendAsync(new AuditEntry(AuditIds.From(key), tenant, correlationId, action, "B", "unknown_sender", "kill-switch", now,
                Channel: channel, Reason: "not_an_operator_contact", Outcome: "refused"), cancellationToken);
            Refused(log, tenant, "unknown_sender", correlationId);
            return false;
        }

        if (!await deduplicator.TryRecordAsync(message.Provider, message.ProviderMessageId, cancellationToken))
        {
            return true; // a redelivery: already handled, and an old pause must not undo a later resume
        }

        try
        {
            await HandleAsync(tenant, contact, command, key, action, channel, correlationId, now, cancellationToken);
            return true;
        }
        catch
        {
            await deduplicator.ForgetAsync(message.Provider, message.ProviderMessageId, CancellationToken.None);
            throw;
        }
    }

    private async Task HandleAsync(string tenant, OperatorContact contact, OperatorCommand command, string key, string action, string channel,
        string correlationId, DateTime now, CancellationToken cancellationToken)
    {
        string actor = $"operator:{contact.Id}";
        string? refusal = contact.Role != OperatorDirectory.Founder ? "founder_only"
            : !command.Paused && command.Argument.Length > 0 ? "resume_takes_no_argument"
            : null;
        if (refusal is not null)
        {
            await ledger.AppendAsync(new AuditEntry(AuditIds.From(key), "global", correlationId, action, "B", actor, "kill-switch", now,
                Channel: channel, Reason: refusal, Outcome: "refused"), cancellationToken);
            await alerts.SendAsync(new OperatorAlert(tenant, OperatorAlertKinds.KillSwitch, OperatorAlertSeverity.Warning,
                $"{(command.Paused ? Pause : Resume)} from {contact.Id} was refused ({refusal})",
                refusal == "founder_only"
                    ? $"Operator contact {contact.Id} ({contact.Role}) sent {(command.Paused ? Pause : Resume)} on {channel}; only the founder may pause or resume (§17.8). Nothing changed."
                    : $"Send exactly {Resume} to resume; nothing changed.",
                key, OperatorDirectory.Founder), cancellationToken);
            Refused(log, tenant, refusal, correlationId);
            return;
        }

        await killSwitch.SetAsync(command.Paused, actor, correlationId, cancellationToken);
        await ledger.AppendAsync(new AuditEntry(AuditIds.From(key), "global", correlationId, action, "B", actor, "kill-switch", now,
            Channel: channel, Reason: command.Argument.Length > 0 ? command.Argument : null, Outcome: command.Paused ? "paused" : "resumed"), cancellationToken);
        await alerts.SendAsync(new OperatorAlert(tenant, OperatorAlertKinds.KillSwitch, OperatorAlertSeverity.Critical,
            command.Paused ? "Automation paused (kill switch on)" : "Automation resumed (kill switch off)",
            command.Paused
                ? $"{contact.Id} sent {Pause} on {channel}: every automated external action is halted until {Resume} (§17.8). Correlation {correlationId}."
                : $"{contact.Id} sent {Resume} on {channel}: automation runs again; held sends go out now. Correlation {correlationId}.",
            key, OperatorDirectory.Founder), cancellationToken);
        Switched(log, tenant, command.Paused, contact.Id, correlationId);
    }

    [LoggerMessage(1720, LogLevel.Warning, "Kill switch {Paused} from the operator channel by contact {ContactId} (tenant {TenantId}, correlation {CorrelationId})")]
    private static partial void Switched(ILogger logger, string tenantId, bool paused, string contactId, string correlationId);

    [LoggerMessage(1721, LogLevel.Warning, "Operator command refused ({Reason}) on tenant {TenantId} (correlation {CorrelationId})")]
    private static partial void Refused(ILogger logger, string tenantId, string reason, string correlationId);
}
