using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Dealix.Conformance.Tests.Scenarios;

/// <summary>
/// What a scenario ended with, as the client saw it. Two engines conform on a scenario when these serialize to the
/// same JSON: output and custom status as parsed JSON (so only whitespace is forgiven), status, failure details, and
/// what the test observed on the side (attempts an activity recorded, statuses seen on the way).
/// </summary>
public sealed record ScenarioOutcome(
    OrchestrationRuntimeStatus Status,
    JsonNode? Output,
    JsonNode? CustomStatus,
    FailureShape? Failure,
    JsonObject Observations)
{
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static ScenarioOutcome From(OrchestrationMetadata instance, JsonObject? observations = null) => new(
        instance.RuntimeStatus,
        Parse(instance.SerializedOutput),
        Parse(instance.SerializedCustomStatus),
        FailureShape.From(instance.FailureDetails),
        observations ?? []);

    private static readonly JsonSerializerOptions AnyCase = new() { PropertyNameCaseInsensitive = true };

    /// <summary>The output parsed back into <typeparamref name="T"/> (whatever the engine's property naming), for scenario-side checks.</summary>
    public T? OutputAs<T>() => Output is null ? default : Output.Deserialize<T>(AnyCase);

    public string ToJson() => JsonSerializer.Serialize(this, Indented);

    public override string ToString() => ToJson();

    /// <summary>
    /// Parsed JSON; text that is not JSON (the official engines store a failed instance's error message raw as its
    /// output) is kept as <c>{"notJson": text}</c> so it is still compared.
    /// </summary>
    internal static JsonNode? Parse(string? serialized)
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
            return new JsonObject { ["notJson"] = serialized };
        }
    }
}
