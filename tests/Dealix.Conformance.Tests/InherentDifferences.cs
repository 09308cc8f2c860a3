using System.Text.Json;
using System.Text.Json.Nodes;
using Dealix.Conformance.Tests.Engines;
using Dealix.Conformance.Tests.Scenarios;

namespace Dealix.Conformance.Tests;

/// <summary>
/// Differences between an engine and Microsoft's in-process host that are by design, each applied to the reference
/// outcome by a named helper so the comparison stays exact on everything else. Listed in the suite's README.
/// </summary>
public static class InherentDifferences
{
    /// <summary>The reference outcome as <paramref name="engine"/> is designed to differ from it.</summary>
    public static ScenarioOutcome Expected(string engine, ScenarioOutcome reference) => engine switch
    {
        EngineNames.DealixInMemory or EngineNames.DealixAzurite => WithFunctionsPayloadNames(reference),
        _ => reference,
    };

    /// <summary>
    /// Payload property names in camelCase. The Dealix engine serializes inputs, outputs, events and custom status
    /// with web defaults (WebJsonDataConverter), as Durable Functions does in an isolated app (the worker's
    /// ObjectSerializer), which is what the app deploys to; the portable SDK behind Microsoft's in-process host uses
    /// JsonDataConverter.Default, which keeps .NET names. Values, order and shape must still match exactly.
    /// </summary>
    public static ScenarioOutcome WithFunctionsPayloadNames(ScenarioOutcome reference) => reference with
    {
        Output = CamelCaseNames(reference.Output),
        CustomStatus = CamelCaseNames(reference.CustomStatus),
    };

    private static JsonNode? CamelCaseNames(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(JsonNamingPolicy.CamelCase.ConvertName(p.Key), CamelCaseNames(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(CamelCaseNames)]),
        _ => node?.DeepClone(),
    };
}
