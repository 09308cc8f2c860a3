using System.Text.Json;
using System.Text.Json.Nodes;
using Dealix.Runtime.AzureStorage;
using Dealix.Runtime.Hosting.Management;

namespace Dealix.Runtime.Hosting.Cli;

/// <summary><c>durable get-dead-letters | redrive-dead-letter | delete-dead-letter</c>: the task hub's dead letters.</summary>
public static partial class DurableCommands
{
    private static async Task<int> RunDeadLetterCommandAsync(string command, CommandArguments options, CommandTarget target, TextWriter output)
    {
        AzureStorageOrchestrationBackend store = target.DeadLetters ?? throw new NotSupportedException(
            $"{command} is not supported on this provider: dead letters are kept by the Dealix engine on Azure Storage (storageProvider.type \"Dealix\").");
        switch (command)
        {
            case "get-dead-letters":
                {
                    int top = options.Int("top", 100, 1, 1000);
                    bool showBody = options.Flag("show-body");
                    options.EnsureAllRead();
                    IReadOnlyList<DeadLetter> letters = await store.ListDeadLettersAsync(top);
                    var list = new JsonArray([.. letters.Select(l => (JsonNode?)DurableManagementApi.DeadLetterJson(l, showBody))]);
                    await output.WriteLineAsync(list.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
                    await output.WriteLineAsync($"{letters.Count} dead letter(s) in task hub '{target.HubName}'.");
                    return 0;
                }

            case "redrive-dead-letter":
                {
                    string id = options.Required("id");
                    options.EnsureAllRead();
                    DeadLetter? letter = await store.GetDeadLetterAsync(id);
                    if (letter is null)
                    {
                        await output.WriteLineAsync($"Could not find a dead letter with id '{id}'.");
                        return 1;
                    }

                    if (letter.Body is null || letter.Kind == AzureStorageOrchestrationBackend.CorruptHistoryErrorType
                        || !await store.RedriveDeadLetterAsync(id))
                    {
                        await output.WriteLineAsync($"Dead letter '{id}' ({letter.Kind}) is not a queue message and cannot be redriven; delete it once handled.");
                        return 1;
                    }

                    await output.WriteLineAsync($"Redrove dead letter '{id}' into queue '{letter.Source}' with a fresh delivery count.");
                    return 0;
                }

            default:
                {
                    string id = options.Required("id");
                    options.EnsureAllRead();
                    if (!await store.DeleteDeadLetterAsync(id))
                    {
                        await output.WriteLineAsync($"Could not find a dead letter with id '{id}'.");
                        return 1;
                    }

                    await output.WriteLineAsync($"Deleted dead letter '{id}'.");
                    return 0;
                }
        }
    }
}
