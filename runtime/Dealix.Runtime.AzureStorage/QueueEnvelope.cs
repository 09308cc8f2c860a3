using System.Text.Json;
using Dealix.Runtime.Backend;

namespace Dealix.Runtime.AzureStorage;

/// <summary>
/// The body of every message this backend puts in a queue or an outbox row. <see cref="DedupeId"/> is what receivers
/// de-duplicate by; a body too large for a queue message travels as a blob named by <see cref="Blob"/>.
/// </summary>
/// <remarks>WARNING: persisted in queues, outbox rows and dead letters.</remarks>
internal sealed record QueueEnvelope
{
    public const string OrchestrationKind = "orchestration";
    public const string ActivityKind = "activity";

    /// <summary>Format marker: a queue message without it is foreign.</summary>
    public int Dealix { get; init; } = 1;

    public required string Kind { get; init; }

    public required string DedupeId { get; init; }

    public OrchestrationMessage? Orchestration { get; init; }

    public ActivityMessage? Activity { get; init; }

    /// <summary>When set, the full envelope is in this payload blob and the other members are empty.</summary>
    public string? Blob { get; init; }

    /// <summary>The instance the message concerns.</summary>
    public string? InstanceId => Orchestration?.InstanceId ?? Activity?.InstanceId;

    public static QueueEnvelope For(OrchestrationMessage message, string? dedupeId = null) =>
        new() { Kind = OrchestrationKind, DedupeId = dedupeId ?? message.MessageId, Orchestration = message };

    public static QueueEnvelope For(ActivityMessage message) =>
        new() { Kind = ActivityKind, DedupeId = message.MessageId, Activity = message };

    public string ToJson() => JsonSerializer.Serialize(this, WebJsonDataConverter.Options);

    /// <summary>Parses and validates a body; throws <see cref="FormatException"/> with the reason when it is not ours or is corrupt.</summary>
    public static QueueEnvelope Parse(string text)
    {
        QueueEnvelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<QueueEnvelope>(text, WebJsonDataConverter.Options);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            throw new FormatException($"the message body is not a Dealix durable message ({e.Message})", e);
        }

        if (envelope is null || envelope.Dealix != 1 || string.IsNullOrEmpty(envelope.DedupeId))
        {
            throw new FormatException("the message body is not a Dealix durable message (no format marker or id)");
        }

        bool valid = envelope.Blob is not null
            || (envelope.Kind == OrchestrationKind && envelope.Orchestration?.Event is not null && envelope.Orchestration.InstanceId is not null)
            || (envelope.Kind == ActivityKind && envelope.Activity?.InstanceId is not null);
        if (!valid)
        {
            throw new FormatException($"the Dealix message '{envelope.DedupeId}' of kind '{envelope.Kind}' has no usable payload");
        }

        return envelope;
    }

    /// <summary>Best effort: the instance id named in a body that failed to parse, so its instance can be failed.</summary>
    public static string? TryReadInstanceId(string text)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(text);
            foreach (string kind in new[] { "orchestration", "activity" })
            {
                if (document.RootElement.ValueKind == JsonValueKind.Object
                    && document.RootElement.TryGetProperty(kind, out JsonElement payload)
                    && payload.ValueKind == JsonValueKind.Object
                    && payload.TryGetProperty("instanceId", out JsonElement id)
                    && id.ValueKind == JsonValueKind.String)
                {
                    return id.GetString();
                }
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }
}
