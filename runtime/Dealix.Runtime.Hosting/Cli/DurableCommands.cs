using System.Text.Json;
using System.Text.Json.Nodes;
using Dealix.Runtime.Backend;
using Dealix.Runtime.DurableTaskFramework;
using Dealix.Runtime.Hosting.Configuration;
using Dealix.Runtime.Hosting.Discovery;
using Dealix.Runtime.Hosting.Durable;
using Dealix.Runtime.Hosting.Management;
using DurableTask.AzureStorage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dealix.Runtime.Hosting.Cli;

/// <summary>
/// <c>durable &lt;command&gt;</c>, in the spirit of <c>func durable</c>: works directly on the task hub's storage named by
/// host.json and local.settings.json (or <c>--task-hub-name</c> and <c>--connection-string-setting</c>), so it needs no
/// running host. Commands: get-instances, get-runtime-status, get-history, start-new, raise-event, terminate,
/// purge-history, delete-task-hub, get-dead-letters, redrive-dead-letter, delete-dead-letter. On the <c>AzureStorage</c> provider they go through Microsoft's engine
/// (<see cref="DtfxDurableTaskClient"/>); get-history is a Dealix engine feature and says so there.
/// </summary>
public static partial class DurableCommands
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Runs one command; returns the exit code (0 ok, 1 failed, 2 usage error).</summary>
    public static async Task<int> RunAsync(string[] args, Action<FunctionsApplicationBuilder> configure, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(configure);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            await output.WriteLineAsync(Usage);
            return args.Length == 0 ? 2 : 0;
        }

        try
        {
            var options = new CommandArguments(args[1..]);
            string? scriptRoot = options.Value("script-root");
            FunctionsApplicationBuilder builder = scriptRoot is null
                ? FunctionsApplication.CreateBuilder([])
                : FunctionsApplication.CreateBuilder([], scriptRoot);
            configure(builder);
            FunctionsHostOptions host = FunctionsHostOptions.From(builder.Configuration);
            if (options.Value("task-hub-name") is { } hub)
            {
                host = host with { HubName = hub };
            }

            if (options.Value("connection-string-setting") is { } setting)
            {
                host = host with { ConnectionName = setting, ConnectionString = builder.Configuration[setting] ?? builder.Configuration.GetConnectionStringOrNull(setting) };
            }

            if (BackendFactory.IsInMemory(host))
            {
                throw new CommandException(
                    "host.json selects the InMemory provider; the durable commands need a task hub in storage (storageProvider.type \"Dealix\" or \"AzureStorage\").");
            }

            string command = args[0];
            if (host.IsAzureStorageProvider)
            {
                // Microsoft's engine: the official client on its own connection to the hub, no worker.
                using var service = new AzureStorageOrchestrationService(BackendFactory.DtfxOptionsFor(host).ToSettings(NullLoggerFactory.Instance));
                await using var dtfxClient = new DtfxDurableTaskClient(host.HubName, service, WebJsonDataConverter.Default);
                if (command != "delete-task-hub")
                {
                    await service.CreateIfNotExistsAsync();
                }

                return await RunCommandAsync(command, options, new CommandTarget(dtfxClient, null, host.HubName, service.DeleteAsync), output);
            }

            await using IOrchestrationBackend backend = BackendFactory.Create(host);
            var client = new BackendDurableTaskClient(backend, builder.BuildTaskCatalog(FunctionCatalog.Discover(builder.FunctionAssemblies)));
            if (command != "delete-task-hub")
            {
                await backend.CreateIfNotExistsAsync();
            }

            return await RunCommandAsync(command, options, new CommandTarget(client, client, backend.TaskHubName, () => backend.DeleteAsync(), backend as AzureStorage.AzureStorageOrchestrationBackend), output);
        }
        catch (NotSupportedException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return 1;
        }
        catch (CommandException e)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            await error.WriteLineAsync("Run 'durable help' for usage.");
            return 2;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or DurableTask.Core.Exceptions.OrchestrationAlreadyExistsException)
        {
            await error.WriteLineAsync($"error: {e.Message}");
            return 1;
        }
    }

    /// <summary>The help text.</summary>
    public const string Usage = """
        Usage: durable <command> [options]   (common: --task-hub-name NAME, --connection-string-setting SETTING, --script-root DIR)

          get-instances       [--created-after T] [--created-before T] [--runtime-status S1 S2 ...] [--top N (10)] [--continuation-token TOKEN]
          get-runtime-status  --id ID [--show-input] [--show-output]
          get-history         --id ID
          start-new           --function-name NAME [--id ID] [--input JSON|@file]
          raise-event         --id ID --event-name NAME [--event-data JSON|@file]
          terminate           --id ID [--reason TEXT]
          purge-history       [--created-after T] [--created-before T] [--runtime-status completed terminated failed ...]
          delete-task-hub
          get-dead-letters    [--top N (100)] [--show-body]
          redrive-dead-letter --id DEAD-LETTER-ID
          delete-dead-letter  --id DEAD-LETTER-ID
        """;

    private static async Task<int> RunCommandAsync(string command, CommandArguments options, CommandTarget target, TextWriter output)
    {
        DurableTaskClient client = target.Client;
        switch (command)
        {
            case "get-instances":
                {
                    var query = new OrchestrationQuery(
                        options.Time("created-after"),
                        options.Time("created-before"),
                        Statuses(options.Values("runtime-status")),
                        PageSize: options.Int("top", 10, 1, 1000),
                        FetchInputsAndOutputs: true);
                    string? token = options.Value("continuation-token");
                    options.EnsureAllRead();
                    await using IAsyncEnumerator<Page<OrchestrationMetadata>> pages = client.GetAllInstancesAsync(query).AsPages(token, query.PageSize).GetAsyncEnumerator();
                    Page<OrchestrationMetadata> page = await pages.MoveNextAsync() ? pages.Current : new Page<OrchestrationMetadata>([]);
                    await output.WriteLineAsync(new JsonArray([.. page.Values.Select(i => (JsonNode?)StatusPayloads.Status(i, false, null, false))]).ToJsonString(Indented));
                    await output.WriteLineAsync($"Continuation token: {page.ContinuationToken ?? "(none: last page)"}");
                    return 0;
                }

            case "get-runtime-status":
                {
                    string id = options.Required("id");
                    bool showInput = options.Flag("show-input");
                    bool showOutput = options.Flag("show-output");
                    options.EnsureAllRead();
                    OrchestrationMetadata? instance = await client.GetInstanceAsync(id, getInputsAndOutputs: true);
                    if (instance is null)
                    {
                        await output.WriteLineAsync($"Could not find an orchestration instance with id '{id}'.");
                        return 1;
                    }

                    IReadOnlyList<HistoryEvent>? history = showOutput && target.Engine is { } engine ? await engine.GetHistoryAsync(id) : null;
                    JsonObject status = StatusPayloads.Status(instance, showInput, history, showOutput);
                    if (!showOutput)
                    {
                        status.Remove("output");
                    }

                    await output.WriteLineAsync(status.ToJsonString(Indented));
                    return 0;
                }

            case "get-history":
                {
                    string id = options.Required("id");
                    options.EnsureAllRead();
                    BackendDurableTaskClient engine = target.Engine ?? throw new NotSupportedException(
                        $"get-history is not supported on the {FunctionsHostOptions.AzureStorageProvider} provider: instance history is a feature " +
                        "of the Dealix engine (storageProvider.type \"Dealix\"). Use get-runtime-status.");
                    if (await client.GetInstanceAsync(id) is null)
                    {
                        await output.WriteLineAsync($"Could not find an orchestration instance with id '{id}'.");
                        return 1;
                    }

                    IReadOnlyList<HistoryEvent> history = await engine.GetHistoryAsync(id);
                    OrchestrationMetadata instance = (await client.GetInstanceAsync(id, getInputsAndOutputs: true))!;
                    await output.WriteLineAsync(StatusPayloads.Status(instance, true, history, true)["historyEvents"]!.ToJsonString(Indented));
                    return 0;
                }

            case "start-new":
                {
                    string name = options.Required("function-name");
                    string? id = options.Value("id");
                    JsonElement? input = ParseJson(options.Json("input"), "input");
                    options.EnsureAllRead();
                    string started = await client.ScheduleNewOrchestrationInstanceAsync(name, input, new StartOrchestrationOptions(id));
                    await output.WriteLineAsync($"Started '{name}' with instance id '{started}' at {DateTime.UtcNow:o}.");
                    return 0;
                }

            case "raise-event":
                {
                    string id = options.Required("id");
                    string eventName = options.Value("event-name") ?? $"Event_{Guid.NewGuid():N}";
                    JsonElement? data = ParseJson(options.Json("event-data"), "event-data");
                    options.EnsureAllRead();
                    if (await EndedOrMissingAsync(client, id, output))
                    {
                        return 1;
                    }

                    await client.RaiseEventAsync(id, eventName, data);
                    await output.WriteLineAsync($"Raised event '{eventName}' to instance '{id}'.");
                    return 0;
                }

            case "terminate":
                {
                    string id = options.Required("id");
                    string? reason = options.Value("reason");
                    options.EnsureAllRead();
                    if (await EndedOrMissingAsync(client, id, output))
                    {
                        return 1;
                    }

                    await client.TerminateInstanceAsync(id, reason);
                    await output.WriteLineAsync($"Termination of instance '{id}' requested; a running host applies it at its next step.");
                    return 0;
                }

            case "purge-history":
                {
                    var filter = new PurgeInstancesFilter(options.Time("created-after"), options.Time("created-before"), Statuses(options.Values("runtime-status")));
                    options.EnsureAllRead();
                    PurgeResult result = await client.PurgeAllInstancesAsync(filter);
                    await output.WriteLineAsync($"Purged {result.PurgedInstanceCount} instance(s) and their history.");
                    return 0;
                }

            case "delete-task-hub":
                options.EnsureAllRead();
                await target.DeleteHubAsync();
                await output.WriteLineAsync($"Deleted task hub '{target.HubName}' (its tables, queues and blob containers).");
                return 0;
            case "get-dead-letters" or "redrive-dead-letter" or "delete-dead-letter":
                return await RunDeadLetterCommandAsync(command, options, target, output);
            default:
                throw new CommandException($"Unknown command '{command}'.");
        }
    }

    /// <summary>
    /// What a command works on: the official client of the provider in effect, the Dealix engine's client for
    /// history (null on the AzureStorage provider) and the hub's deletion.
    /// </summary>
    private sealed record CommandTarget(
        DurableTaskClient Client, BackendDurableTaskClient? Engine, string HubName, Func<Task> DeleteHubAsync,
        AzureStorage.AzureStorageOrchestrationBackend? DeadLetters = null);

    private static async Task<bool> EndedOrMissingAsync(DurableTaskClient client, string id, TextWriter output)
    {
        OrchestrationMetadata? instance = await client.GetInstanceAsync(id);
        if (instance is null)
        {
            await output.WriteLineAsync($"Could not find an orchestration instance with id '{id}'.");
            return true;
        }

        if (instance.RuntimeStatus.IsTerminal())
        {
            await output.WriteLineAsync($"Instance '{id}' has ended ({instance.RuntimeStatus}).");
            return true;
        }

        return false;
    }

    private static OrchestrationRuntimeStatus[]? Statuses(IReadOnlyList<string> names)
    {
        if (names.Count == 0)
        {
            return null;
        }

        return [.. names.SelectMany(n => n.Split(',', StringSplitOptions.RemoveEmptyEntries)).Select(n =>
            Enum.TryParse(n, ignoreCase: true, out OrchestrationRuntimeStatus status) && !int.TryParse(n, out _)
                ? status
                : throw new CommandException($"--runtime-status '{n}' is not one of {string.Join(", ", Enum.GetNames<OrchestrationRuntimeStatus>())}."))];
    }

    private static JsonElement? ParseJson(string? text, string name)
    {
        if (text is null)
        {
            return null;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new CommandException($"--{name} is not valid JSON: {e.Message}");
        }
    }
}
