using Dealix.Orchestrations.Deals;
using Dealix.Orchestrations.Onboarding;
using Dealix.Runtime.Backend;
using Dealix.Runtime.Testing;
using Dealix.Runtime.Worker;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Tests.Deals.Connectors;

/// <summary>
/// Recorded histories of the connector-action orchestrator keep replaying; a changed
/// copy does not. The files are written by <see cref="DealConnectorActionTests"/> when <c>DEALIX_RECORD_HISTORIES=1</c>.
/// </summary>
public sealed class DealConnectorHistoriesTests
{
    private static readonly DurableTaskRegistry Registry = new DurableTaskRegistry().AddDeals().AddOnboarding();

    [Theory]
    [InlineData("deal-connector-action.book-meeting-executed.json")]
    [InlineData("deal-connector-action.sync-crm-expired.json")]
    public void RecordedHistory_ReplaysAgainstCurrentCode(string file)
    {
        IReadOnlyList<HistoryEvent> history = Load(file);
        Assert.True(history.Count > 5, $"{file} holds a real run");
        HistoryReplayer.Replay(Registry, history);
    }

    [Theory]
    [InlineData("deal-connector-action.book-meeting-executed.json", "ExecuteConnectorAction")]
    [InlineData("deal-connector-action.sync-crm-expired.json", "CloseDraft")]
    public void ChangedHistory_IsReportedAsNondeterministic(string file, string activity)
    {
        List<HistoryEvent> history = [.. Load(file)];
        int index = history.FindIndex(e => e is TaskScheduledEvent scheduled && scheduled.Name == activity);
        history[index] = ((TaskScheduledEvent)history[index]) with { Name = "SomethingElse" };

        NonDeterministicOrchestrationException error = Assert.Throws<NonDeterministicOrchestrationException>(() => HistoryReplayer.Replay(Registry, history));
        Assert.Contains("SomethingElse", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Writes the instance's history to <c>Histories/{file}</c> when DEALIX_RECORD_HISTORIES=1.</summary>
    internal static async Task RecordIfAskedAsync(DurableTaskTestHost host, string instanceId, string file)
    {
        if (Environment.GetEnvironmentVariable("DEALIX_RECORD_HISTORIES") != "1")
        {
            return;
        }

        IReadOnlyList<HistoryEvent> history = await host.Client.GetHistoryAsync(instanceId);
        await File.WriteAllTextAsync(Path.Combine(Folder(), file), HistoryReplayer.Serialize(history));
    }

    private static IReadOnlyList<HistoryEvent> Load(string file) => HistoryReplayer.Deserialize(File.ReadAllText(Path.Combine(Folder(), file)));

    // Read next to the source: the histories are test data, not build output.
    private static string Folder([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.Combine(Path.GetDirectoryName(path)!, "Histories");
}
