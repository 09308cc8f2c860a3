using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dealix.Runtime.Backend;

namespace Dealix.Runtime.Hosting.Management;

/// <summary>
/// The status body of Durable Functions (<c>StatusResponsePayload</c>): <c>name</c>, <c>instanceId</c>,
/// <c>runtimeStatus</c>, <c>input</c>, <c>customStatus</c>, <c>output</c>, <c>createdTime</c>, <c>lastUpdatedTime</c>
/// and, when asked for, <c>historyEvents</c>.
/// </summary>
internal static class StatusPayloads
{
    public static JsonObject Status(OrchestrationMetadata instance, bool showInput, IReadOnlyList<HistoryEvent>? history, bool showHistoryOutput)
    {
        var body = new JsonObject
        {
            ["name"] = instance.Name,
            ["instanceId"] = instance.InstanceId,
            ["runtimeStatus"] = instance.RuntimeStatus.ToString(),
            ["input"] = showInput ? Json(instance.SerializedInput) : null,
            ["customStatus"] = Json(instance.SerializedCustomStatus),
            ["output"] = instance.RuntimeStatus == OrchestrationRuntimeStatus.Failed && instance.FailureDetails is { } failure
                ? JsonValue.Create(failure.ToString())
                : Json(instance.SerializedOutput),
            ["createdTime"] = Time(instance.CreatedAt.UtcDateTime),
            ["lastUpdatedTime"] = Time(instance.LastUpdatedAt.UtcDateTime),
        };
        if (history is not null)
        {
            body["historyEvents"] = new JsonArray([.. history.Select(e => (JsonNode?)HistoryItem(e, showHistoryOutput))]);
        }

        return body;
    }

    /// <summary>The wire format of times: <c>yyyy-MM-ddTHH:mm:ssZ</c>.</summary>
    public static string Time(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>A stored JSON payload as a JSON node (a non-JSON payload as a string).</summary>
    public static JsonNode? Json(string? serialized)
    {
        if (serialized is null)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(serialized);
        }
        catch (JsonException)
        {
            return JsonValue.Create(serialized);
        }
    }

    private static JsonObject HistoryItem(HistoryEvent e, bool withPayloads)
    {
        string type = e.GetType().Name;
        var item = new JsonObject { ["EventType"] = type.EndsWith("Event", StringComparison.Ordinal) ? type[..^"Event".Length] : type, ["EventId"] = e.EventId, ["Timestamp"] = e.Timestamp.ToString("o", CultureInfo.InvariantCulture) };
        switch (e)
        {
            case ExecutionStartedEvent started:
                item["FunctionName"] = started.Name;
                AddPayload(item, "Input", started.Input, withPayloads);
                break;
            case TaskScheduledEvent scheduled:
                item["FunctionName"] = scheduled.Name;
                item["Attempt"] = scheduled.Attempt;
                AddPayload(item, "Input", scheduled.Input, withPayloads);
                break;
            case TaskCompletedEvent completed:
                item["TaskScheduledId"] = completed.TaskScheduledId;
                AddPayload(item, "Result", completed.Result, withPayloads);
                break;
            case TaskFailedEvent failed:
                item["TaskScheduledId"] = failed.TaskScheduledId;
                item["Reason"] = failed.FailureDetails.ToString();
                break;
            case SubOrchestrationInstanceCreatedEvent sub:
                item["FunctionName"] = sub.Name;
                item["InstanceId"] = sub.InstanceId;
                break;
            case SubOrchestrationInstanceCompletedEvent subCompleted:
                item["TaskScheduledId"] = subCompleted.TaskScheduledId;
                AddPayload(item, "Result", subCompleted.Result, withPayloads);
                break;
            case SubOrchestrationInstanceFailedEvent subFailed:
                item["TaskScheduledId"] = subFailed.TaskScheduledId;
                item["Reason"] = subFailed.FailureDetails.ToString();
                break;
            case TimerCreatedEvent timer:
                item["FireAt"] = timer.FireAt.ToString("o", CultureInfo.InvariantCulture);
                break;
            case TimerFiredEvent fired:
                item["TimerId"] = fired.TimerId;
                item["FireAt"] = fired.FireAt.ToString("o", CultureInfo.InvariantCulture);
                break;
            case EventRaisedEvent raised:
                item["Name"] = raised.Name;
                AddPayload(item, "Input", raised.Input, withPayloads);
                break;
            case EventSentEvent sent:
                item["Name"] = sent.Name;
                item["InstanceId"] = sent.InstanceId;
                break;
            case ExecutionCompletedEvent done:
                item["OrchestrationStatus"] = done.Status.ToString();
                AddPayload(item, "Result", done.Result, withPayloads);
                if (done.FailureDetails is { } failure)
                {
                    item["Reason"] = failure.ToString();
                }

                break;
            case ExecutionTerminatedEvent terminated:
                AddPayload(item, "Input", terminated.Input, withPayloads);
                break;
            case ExecutionSuspendedEvent suspended:
                item["Reason"] = suspended.Reason;
                break;
            case ExecutionResumedEvent resumed:
                item["Reason"] = resumed.Reason;
                break;
        }

        return item;
    }

    private static void AddPayload(JsonObject item, string name, string? serialized, bool include)
    {
        if (include)
        {
            item[name] = Json(serialized);
        }
    }
}
