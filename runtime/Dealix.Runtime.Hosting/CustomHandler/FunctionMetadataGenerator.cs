using System.Text.Json;
using System.Text.Json.Nodes;
using Dealix.Runtime.Hosting.Discovery;
using Dealix.Runtime.Hosting.Management;
using Microsoft.Azure.Functions.Worker;

namespace Dealix.Runtime.Hosting.CustomHandler;

/// <summary>
/// Writes the files the Azure Functions host needs to run this executable as a custom handler: one
/// <c>{Function}/function.json</c> per HTTP, timer and queue function, a proxy function that forwards the Durable Task
/// management API, and host.json. Orchestrator and activity functions get none: the durable worker inside this
/// process runs them on the task hub's storage.
/// </summary>
public static class FunctionMetadataGenerator
{
    /// <summary>The name of the generated function that forwards the management API.</summary>
    public const string ManagementProxyName = "DurableTaskManagementApi";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary><c>generate-function-metadata OUTPUT_FOLDER</c>; returns the exit code.</summary>
    public static int Run(string[] args, Action<FunctionsApplicationBuilder> configure, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(configure);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Length != 1)
        {
            error.WriteLine("usage: generate-function-metadata OUTPUT_FOLDER (the folder published to Azure, beside the executable)");
            return 2;
        }

        FunctionsApplicationBuilder builder = FunctionsApplication.CreateBuilder([]);
        configure(builder);
        IReadOnlyList<FunctionDescriptor> functions = FunctionCatalog.Discover(builder.FunctionAssemblies);
        string folder = Path.GetFullPath(args[0]);
        foreach ((string name, JsonObject json) in Generate(functions))
        {
            string directory = Path.Combine(folder, name);
            Directory.CreateDirectory(directory);
            File.WriteAllText(Path.Combine(directory, "function.json"), json.ToJsonString(Indented) + "\n");
            output.WriteLine($"{name}/function.json");
        }

        string hostJson = Path.Combine(builder.ScriptRoot, "host.json");
        if (File.Exists(hostJson) && !string.Equals(Path.GetFullPath(hostJson), Path.Combine(folder, "host.json"), StringComparison.Ordinal))
        {
            File.Copy(hostJson, Path.Combine(folder, "host.json"), overwrite: true);
            output.WriteLine("host.json");
        }

        return 0;
    }

    /// <summary>The function.json documents, by function name.</summary>
    public static IReadOnlyList<(string Name, JsonObject FunctionJson)> Generate(IEnumerable<FunctionDescriptor> functions)
    {
        ArgumentNullException.ThrowIfNull(functions);
        var result = new List<(string, JsonObject)>();
        foreach (FunctionDescriptor function in functions)
        {
            string bindingName = function.TriggerParameter.Name ?? "trigger";
            JsonObject? trigger = function.Trigger switch
            {
                HttpTriggerAttribute http => HttpBinding(bindingName, http.AuthLevel, http.Methods, http.Route ?? function.Name),
                TimerTriggerAttribute timer => new JsonObject
                {
                    ["type"] = "timerTrigger",
                    ["direction"] = "in",
                    ["name"] = bindingName,
                    ["schedule"] = timer.Schedule,
                    ["runOnStartup"] = timer.RunOnStartup,
                    ["useMonitor"] = timer.UseMonitor,
                },
                QueueTriggerAttribute queue => new JsonObject
                {
                    ["type"] = "queueTrigger",
                    ["direction"] = "in",
                    ["name"] = bindingName,
                    ["queueName"] = queue.QueueName,
                    ["connection"] = queue.Connection ?? "AzureWebJobsStorage",
                },
                _ => null,
            };
            if (trigger is null)
            {
                continue;
            }

            var bindings = new JsonArray { trigger };
            if (function.Kind == FunctionKind.Http)
            {
                bindings.Add(new JsonObject { ["type"] = "http", ["direction"] = "out", ["name"] = "res" });
            }

            result.Add((function.Name, new JsonObject { ["bindings"] = bindings }));
        }

        // The Functions host owns /runtime/webhooks; this proxy makes the API reachable below the route prefix, where
        // the host forwards it here and the system key check of this process applies.
        result.Add((ManagementProxyName, new JsonObject
        {
            ["bindings"] = new JsonArray
            {
                HttpBinding("req", AuthorizationLevel.Anonymous, null, ManagementUrls.BasePath.TrimStart('/') + "/{*path}"),
                new JsonObject { ["type"] = "http", ["direction"] = "out", ["name"] = "res" },
            },
        }));
        return result;
    }

    private static JsonObject HttpBinding(string name, AuthorizationLevel level, string[]? methods, string route)
    {
        var binding = new JsonObject
        {
            ["type"] = "httpTrigger",
            ["direction"] = "in",
            ["name"] = name,
            ["authLevel"] = level.ToString().ToLowerInvariant(),
            ["route"] = route.Trim('/'),
        };
        if (methods is { Length: > 0 })
        {
            binding["methods"] = new JsonArray([.. methods.Select(m => (JsonNode?)JsonValue.Create(m.ToLowerInvariant()))]);
        }

        return binding;
    }
}
