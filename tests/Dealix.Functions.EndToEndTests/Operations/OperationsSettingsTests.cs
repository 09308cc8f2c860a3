using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Dealix.Functions.EndToEndTests.Functions;
using Dealix.Functions.EndToEndTests.Infrastructure;
using Dealix.Orchestrations.Samples;
using Dealix.Runtime.AzureStorage;
using Dealix.Runtime.Client;
using Dealix.Runtime.Hosting.Cli;
using Microsoft.DurableTask;

namespace Dealix.Functions.EndToEndTests.Operations;

/// <summary>
/// Operations settings from host.json on the Dealix engine over Azurite: the dead-letter limit
/// (<c>storageProvider.maxDequeueCount</c>) with dead letters listed and redriven through the management API and the
/// CLI, retention (<c>retentionPeriod</c>/<c>retentionInterval</c>) purging ended instances on its timer, and a bad
/// value refused at startup.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class OperationsSettingsTests(AzuriteFixture azurite)
{
    private const string Base = "/runtime/webhooks/durabletask";
    private const int DeadLetterLimit = 2;

    [Fact]
    public async Task PoisonMessage_IsDeadLetteredAtTheConfiguredLimit_ListedByApiAndCli_RedrivenAndConsumed()
    {
        string hub = "Ops" + Guid.NewGuid().ToString("N")[..10];
        string root = ScriptRoot(hub, $"\"maxDequeueCount\": {DeadLetterLimit},");
        const string id = "poisoned";

        // Before the app runs: an instance and an event to it wait in the control queue; the event is received (and
        // not completed) as often as the limit allows, as if every attempt to handle it had crashed. The start message
        // is put back with a fresh count.
        await using (var backend = new AzureStorageOrchestrationBackend(new AzureStorageOptions
        {
            ConnectionString = azurite.Azurite.ConnectionString,
            TaskHubName = hub,
            PartitionCount = 2,
        }))
        {
            await backend.CreateIfNotExistsAsync();
            var client = new BackendDurableTaskClient(backend);
            await client.ScheduleNewOrchestrationInstanceAsync(ApprovalFunctions.OrchestratorName, null, new StartOrchestrationOptions(id));
            await client.RaiseEventAsync(id, ApprovalFunctions.EventName, new Approval("Noura"));
        }

        QueueClient[] control = [.. Enumerable.Range(0, 2).Select(p => new QueueClient(azurite.Azurite.ConnectionString, $"{hub.ToLowerInvariant()}-control-{p:D2}"))];
        long eventDeliveries = 0;
        for (int round = 1; round <= DeadLetterLimit; round++)
        {
            var seen = new List<(QueueClient Queue, QueueMessage Message)>();
            await Eventually.MatchAsync(async () =>
            {
                foreach (QueueClient queue in control)
                {
                    QueueMessage[] received = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(1))).Value;
                    seen.AddRange(received.Select(m => (queue, m)));
                }

                return seen.Count;
            }, count => count == 2, $"the start and the event in round {round}");
            eventDeliveries = seen.Single(s => IsTheEvent(s.Message)).Message.DequeueCount;
            if (round == DeadLetterLimit)
            {
                (QueueClient queue, QueueMessage start) = seen.Single(s => !IsTheEvent(s.Message));
                await queue.DeleteMessageAsync(start.MessageId, start.PopReceipt);
                await queue.SendMessageAsync(start.Body.ToString());
            }
        }

        Assert.Equal(DeadLetterLimit, eventDeliveries);

        await File.WriteAllTextAsync(Path.Combine(root, "local.settings.json"),
            $$"""{ "IsEncrypted": false, "Values": { "AzureWebJobsStorage": "{{azurite.Azurite.ConnectionString}}" } }""");
        await using TestApp app = await TestApp.StartAsync(azurite.Azurite, root);
        HttpClient http = app.Client;

        // The next delivery is one too many: dead-lettered, the instance fails naming the message and the limit.
        JsonElement failed = await Eventually.MatchAsync(
            () => GetJsonAsync(http, Api($"/instances/{id}")),
            s => s.GetProperty("runtimeStatus").GetString() == "Failed",
            "the instance to fail on the poison message");
        Assert.Contains($"limit {DeadLetterLimit}", failed.GetProperty("output").ToString(), StringComparison.Ordinal);

        JsonElement letter = Assert.Single((await GetJsonAsync(http, Api("/deadletters"))).EnumerateArray());
        string letterId = letter.GetProperty("id").GetString()!;
        Assert.Equal("PoisonMessage", letter.GetProperty("kind").GetString());
        Assert.Equal(id, letter.GetProperty("instanceId").GetString());
        Assert.Equal(DeadLetterLimit + 1, letter.GetProperty("dequeueCount").GetInt32());
        Assert.True(letter.GetProperty("redrivable").GetBoolean());
        Assert.False(letter.TryGetProperty("body", out _)); // the body (customer data) only on request
        JsonElement withBody = (await GetJsonAsync(http, Api("/deadletters", "showBody=true"))).EnumerateArray().Single();
        Assert.Contains("Noura", withBody.GetProperty("body").GetString(), StringComparison.Ordinal);

        // Admin only, bad input refused with a clear 4xx, unknown ids 404; nothing changes.
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync($"{Base}/deadletters")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsync($"{Base}/deadletters/{letterId}/redrive?code={TestApp.HostKey}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync(Api("/deadletters", "top=0"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync(Api("/deadletters", "showBody=maybe"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsync(Api("/deadletters/not-an-id/redrive"), null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsync(Api("/deadletters/0000000000000000000-00000000/redrive"), null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.DeleteAsync(Api("/deadletters/0000000000000000000-00000000"))).StatusCode);

        // The CLI sees the same dead letter, straight from the hub's storage.
        (int listed, string cliList) = await CliAsync(root, "get-dead-letters");
        Assert.Equal(0, listed);
        Assert.Contains(letterId, cliList, StringComparison.Ordinal);
        Assert.Contains("1 dead letter(s)", cliList, StringComparison.Ordinal);
        Assert.Equal(1, (await CliAsync(root, "redrive-dead-letter", "--id", "0000000000000000000-00000000")).Code);

        // Redriven: back in its queue with a fresh count, consumed by the worker (the failed instance takes no more
        // events), not dead-lettered again.
        HttpResponseMessage redriven = await http.PostAsync(Api($"/deadletters/{letterId}/redrive"), null);
        Assert.Equal(HttpStatusCode.OK, redriven.StatusCode);
        Assert.Equal(id, (await redriven.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instanceId").GetString());
        await Eventually.MatchAsync(async () =>
        {
            int waiting = 0;
            foreach (QueueClient queue in control)
            {
                waiting += (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;
            }

            return waiting;
        }, waiting => waiting == 0, "the redriven message to be consumed");
        Assert.Empty((await GetJsonAsync(http, Api("/deadletters"))).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsync(Api($"/deadletters/{letterId}/redrive"), null)).StatusCode);
        (_, string cliEmpty) = await CliAsync(root, "get-dead-letters");
        Assert.Contains("0 dead letter(s)", cliEmpty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retention_PurgesEndedInstancesOnItsTimer_KeepsRunningOnes()
    {
        string root = ScriptRoot("Ret" + Guid.NewGuid().ToString("N")[..10], "\"retentionPeriod\": \"00:00:02\", \"retentionInterval\": \"00:00:01\",");
        await using TestApp app = await TestApp.StartAsync(azurite.Azurite, root);
        HttpClient http = app.Client;
        string waiting = "kept-" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync(Api($"/orchestrators/{ApprovalFunctions.OrchestratorName}/{waiting}"), null)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync(Api($"/orchestrators/{HelloCitiesOrchestrator.Name}/old"), null)).StatusCode);
        await Eventually.MatchAsync(() => GetJsonAsync(http, Api("/instances/old")), s => s.ValueKind == JsonValueKind.Object && s.GetProperty("runtimeStatus").GetString() == "Completed", "HelloCities to complete");

        await Eventually.MatchAsync(async () => (await http.GetAsync(Api("/instances/old"))).StatusCode, code => code == HttpStatusCode.NotFound, "retention to purge the completed instance");

        HttpResponseMessage kept = await http.GetAsync(Api($"/instances/{waiting}"));
        Assert.Equal(HttpStatusCode.Accepted, kept.StatusCode);
        Assert.Equal("Running", (await kept.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runtimeStatus").GetString());
    }

    [Theory]
    [InlineData("\"retentionPeriod\": \"a month\",", "retentionPeriod")]
    [InlineData("\"maxDequeueCount\": 0,", "maxDequeueCount")]
    public async Task InvalidOperationsSetting_StopsTheAppAtStartup_NamingTheSetting(string setting, string name)
    {
        string root = ScriptRoot("Bad" + Guid.NewGuid().ToString("N")[..10], setting);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => TestApp.StartAsync(azurite.Azurite, root));

        Assert.Contains($"storageProvider:{name}", error.Message, StringComparison.Ordinal);
    }

    private static string ScriptRoot(string hub, string storageSettings)
    {
        string root = TestApp.CreateScriptRoot(hub);
        string hostJson = Path.Combine(root, "host.json");
        string text = File.ReadAllText(hostJson);
        Assert.Contains("\"partitionCount\": 2,", text, StringComparison.Ordinal);
        File.WriteAllText(hostJson, text.Replace("\"partitionCount\": 2,", $"\"partitionCount\": 2, {storageSettings}", StringComparison.Ordinal));
        return root;
    }

    private static bool IsTheEvent(QueueMessage message) => message.Body.ToString().Contains("\"Approved\"", StringComparison.Ordinal);

    private static string Api(string path, string? query = null) =>
        $"{Base}{path}?code={TestApp.SystemKey}{(query is null ? string.Empty : "&" + query)}";

    private static async Task<JsonElement> GetJsonAsync(HttpClient http, string url)
    {
        using HttpResponseMessage response = await http.GetAsync(url);
        string body = await response.Content.ReadAsStringAsync();
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<(int Code, string Output)> CliAsync(string root, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = await DurableCommands.RunAsync([.. args, "--script-root", root], DealixApp.Configure, output, error);
        return (code, output.ToString() + error.ToString());
    }
}
