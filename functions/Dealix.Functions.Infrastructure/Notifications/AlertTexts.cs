using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dealix.Orchestrations.Notifications;

namespace Dealix.Functions.Infrastructure.Notifications;

/// <summary>How an alert reads on each channel. Alerts carry ids only (the contract forbids customer data in them).</summary>
public static class AlertTexts
{
    private static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The e-mail subject: <c>[Dealix critical] {title}</c>.</summary>
    public static string Subject(OperatorAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return $"[Dealix {alert.Severity}] {alert.Title}";
    }

    /// <summary>The plain text of the e-mail and of the WhatsApp message.</summary>
    public static string Text(OperatorAlert alert, string alertId)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"[Dealix {alert.Severity}] {alert.Title}\n");
        if (alert.Body.Length > 0)
        {
            text.Append(alert.Body).Append('\n');
        }

        if (alert.Link is { } link)
        {
            text.Append(link).Append('\n');
        }

        text.Append(CultureInfo.InvariantCulture, $"\ntenant: {alert.Tenant} · kind: {alert.Kind} · alert: {alertId}");
        return text.ToString();
    }

    /// <summary>Longest text of one template parameter; longer ones end in an ellipsis.</summary>
    public const int MaxTemplateParameter = 250;

    /// <summary>
    /// The two body parameters of the alert template (<see cref="AlertTemplate"/>): the headline and where to act. The
    /// Cloud API refuses a parameter holding a line break, a tab or more than four spaces in a row, so these become one
    /// space; each is cut to <see cref="MaxTemplateParameter"/> characters.
    /// </summary>
    public static IReadOnlyList<string> TemplateParameters(OperatorAlert alert, string alertId)
    {
        ArgumentNullException.ThrowIfNull(alert);
        string where = alert.Link ?? $"alert {alertId} · tenant {alert.Tenant}";
        return [OneLine($"[Dealix {alert.Severity}] {alert.Title}"), OneLine(where)];
    }

    private static string OneLine(string value)
    {
        string line = string.Join(' ', value.Split((char[])['\r', '\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        return line.Length <= MaxTemplateParameter ? line : string.Concat(line.AsSpan(0, MaxTemplateParameter - 1), "…");
    }

    /// <summary>The webhook body: the alert's fields plus <c>text</c> (what Slack/Teams-style incoming webhooks show).</summary>
    public static byte[] WebhookBody(OperatorAlert alert, string alertId, string deliveryId, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(alert);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Writer))
        {
            json.WriteStartObject();
            json.WriteString("type", "operator_alert");
            json.WriteString("delivery_id", deliveryId);
            json.WriteString("alert_id", alertId);
            json.WriteString("tenant", alert.Tenant);
            json.WriteString("kind", alert.Kind);
            json.WriteString("severity", alert.Severity);
            json.WriteString("title", alert.Title);
            json.WriteString("body", alert.Body);
            json.WriteString("owner_role", alert.OwnerRole);
            json.WriteString("link", alert.Link);
            json.WriteString("created_at", createdAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            json.WriteString("text", Text(alert, alertId));
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
