using System.Text.Json;
using Dealix.Runtime.Hosting.Discovery;
using Microsoft.Azure.Functions.Worker;

namespace Dealix.Functions.EndToEndTests;

/// <summary>
/// The Worker SDK's <c>functions.metadata</c> is what the Azure Functions host reads in a standard isolated deployment;
/// our host discovers the same app by reflection (<see cref="FunctionCatalog"/>). Both must describe the same functions
/// with the same triggers, or the app behaves differently depending on where it is deployed.
/// </summary>
public sealed class FunctionsMetadataTests
{
    // The SDK writes functions.metadata into Dealix.Functions' build output; as one of its CopyToOutputDirectory items it
    // flows into this test project's output with the app's assembly.
    private static readonly string MetadataPath = Path.Combine(AppContext.BaseDirectory, "functions.metadata");

    [Fact]
    public void FunctionsMetadata_GeneratedByWorkerSdk_DescribesTheFunctionsOurHostDiscovers()
    {
        IReadOnlyList<FunctionDescriptor> discovered = FunctionCatalog.Discover([typeof(DealixApp).Assembly]);
        IReadOnlyList<JsonElement> generated = ReadGeneratedMetadata();

        // Same names first; then, per function, one line with its entry point, trigger type and the trigger's
        // route/schedule/queue, so that a failure names the function and shows both descriptions in full.
        Assert.NotEmpty(discovered);
        Dictionary<string, string> ours = discovered.ToDictionary(f => f.Name, Describe, StringComparer.Ordinal);
        Dictionary<string, string> sdk = generated.ToDictionary(f => Text(f, "name")!, Describe, StringComparer.Ordinal);
        Assert.Equal(ours.Keys.Order(StringComparer.Ordinal), sdk.Keys.Order(StringComparer.Ordinal));
        string[] differences = [.. ours.Where(f => sdk[f.Key] != f.Value).Select(f => $"\n  our host: {f.Value}\n  the SDK:  {sdk[f.Key]}")];
        Assert.True(differences.Length == 0, "functions.metadata describes functions differently:" + string.Concat(differences));
    }

    [Fact]
    public void FunctionsMetadata_GeneratedByWorkerSdk_PointsTheHostAtTheAppAssembly()
    {
        string appAssembly = Path.GetFileName(typeof(DealixApp).Assembly.Location);

        Assert.All(ReadGeneratedMetadata(), function =>
        {
            Assert.Equal(appAssembly, function.GetProperty("scriptFile").GetString());
            Assert.Equal("dotnet-isolated", function.GetProperty("language").GetString());
        });
    }

    private static List<JsonElement> ReadGeneratedMetadata()
    {
        Assert.True(File.Exists(MetadataPath),
            $"{MetadataPath} is missing: Dealix.Functions must be built with Microsoft.Azure.Functions.Worker.Sdk, which writes it.");
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(MetadataPath));
        return document.RootElement.EnumerateArray().Select(f => f.Clone()).ToList();
    }

    private static string Describe(FunctionDescriptor function)
    {
        string trigger = function.Kind switch
        {
            FunctionKind.Http => "httpTrigger",
            FunctionKind.Timer => "timerTrigger",
            FunctionKind.Queue => "queueTrigger",
            FunctionKind.Orchestration => "orchestrationTrigger",
            FunctionKind.Activity => "activityTrigger",
            _ => throw new ArgumentOutOfRangeException(nameof(function), function.Kind, "Unknown function kind."),
        };
        string details = function.Trigger switch
        {
            HttpTriggerAttribute http => Http(http.AuthLevel.ToString(), http.Methods, http.Route),
            TimerTriggerAttribute timer => $"schedule={timer.Schedule}",
            QueueTriggerAttribute queue => $"queue={queue.QueueName} connection={queue.Connection}",
            _ => "",
        };
        return $"{function.Name} {function.EntryPoint} {trigger} {details}".TrimEnd();
    }

    private static string Describe(JsonElement function)
    {
        JsonElement trigger = Assert.Single(function.GetProperty("bindings").EnumerateArray(),
            b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
        string type = trigger.GetProperty("type").GetString()!;
        string details = type switch
        {
            "httpTrigger" => Http(
                Text(trigger, "authLevel"),
                trigger.TryGetProperty("methods", out JsonElement methods) ? methods.EnumerateArray().Select(m => m.GetString()!).ToArray() : null,
                Text(trigger, "route")),
            "timerTrigger" => $"schedule={Text(trigger, "schedule")}",
            "queueTrigger" => $"queue={Text(trigger, "queueName")} connection={Text(trigger, "connection")}",
            _ => "",
        };
        return $"{Text(function, "name")} {Text(function, "entryPoint")} {type} {details}".TrimEnd();
    }

    private static string Http(string? authLevel, IEnumerable<string>? methods, string? route) =>
        $"auth={authLevel} methods={string.Join(',', (methods ?? []).Select(m => m.ToUpperInvariant()).Order(StringComparer.Ordinal))} route={route}";

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out JsonElement value) && value.ValueKind != JsonValueKind.Null ? value.GetString() : null;
}
