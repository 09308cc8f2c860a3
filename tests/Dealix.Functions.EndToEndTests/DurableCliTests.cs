using Dealix.Functions.EndToEndTests.Infrastructure;
using Dealix.Orchestrations.Samples;
using Dealix.Runtime.Hosting.Cli;

namespace Dealix.Functions.EndToEndTests;

/// <summary>The `durable` commands on the hub's storage, with the app running the instances.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DurableCliTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("Dealix")]
    [InlineData("AzureStorage")]
    public async Task StartNewGetStatusAndPurge_WorkDirectlyOnTheHubStorage_HistoryDealixOnly(string provider)
    {
        string root = TestApp.CreateScriptRoot("Cli" + Guid.NewGuid().ToString("N")[..10], provider);
        await File.WriteAllTextAsync(Path.Combine(root, "local.settings.json"),
            $$"""{ "IsEncrypted": false, "Values": { "AzureWebJobsStorage": "{{azurite.Azurite.ConnectionString}}" } }""");
        string id = "cli-" + Guid.NewGuid().ToString("N")[..8];
        await using TestApp app = await TestApp.StartAsync(azurite.Azurite, root);

        (int started, string startOutput) = await RunAsync(root, "start-new", "--function-name", HelloCitiesOrchestrator.Name, "--id", id);
        Assert.Equal(0, started);
        Assert.Contains(id, startOutput, StringComparison.Ordinal);

        (_, string status) = await Eventually.MatchAsync(
            () => RunAsync(root, "get-runtime-status", "--id", id, "--show-output"),
            r => r.Output.Contains("\"Completed\"", StringComparison.Ordinal),
            "the CLI to report the instance completed");
        Assert.Contains("Hello Mumbai!", status, StringComparison.Ordinal);

        (int listed, string instances) = await RunAsync(root, "get-instances", "--top", "10", "--runtime-status", "completed");
        Assert.Equal(0, listed);
        Assert.Contains(id, instances, StringComparison.Ordinal);

        (int historyCode, string history) = await RunAsync(root, "get-history", "--id", id);
        if (provider == "Dealix")
        {
            Assert.Contains("\"TaskScheduled\"", history, StringComparison.Ordinal);
            Assert.Contains("SayHello", history, StringComparison.Ordinal);
        }
        else
        {
            // History is a Dealix engine feature: refused with the reason, not a crash.
            Assert.Equal(1, historyCode);
            Assert.Contains("not supported on the AzureStorage provider", history, StringComparison.Ordinal);
        }

        (int badOption, _) = await RunAsync(root, "get-instances", "--topp", "3");
        Assert.Equal(2, badOption);

        (int purged, string purgeOutput) = await RunAsync(root, "purge-history", "--runtime-status", "completed");
        Assert.Equal(0, purged);
        Assert.Contains("Purged 1 instance", purgeOutput, StringComparison.Ordinal);
        (int missing, string gone) = await RunAsync(root, "get-runtime-status", "--id", id);
        Assert.Equal(1, missing);
        Assert.Contains("Could not find", gone, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output)> RunAsync(string root, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = await DurableCommands.RunAsync([.. args, "--script-root", root], DealixApp.Configure, output, error);
        return (code, output.ToString() + error.ToString());
    }
}
