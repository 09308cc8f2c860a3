using Dealix.Orchestrations.Deals;
using Dealix.Orchestrations.Support;
using Dealix.Runtime.Backend;
using Dealix.Runtime.Testing;
using Dealix.Runtime.Worker;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Tests.Support;

/// <summary>Recorded histories of the support orchestrators keep replaying; a changed copy does not. The files are
/// written by <see cref="SupportTicketOrchestratorTests"/> when <c>DEALIX_RECORD_HISTORIES=1</c>.</summary>
public sealed class SupportHistoriesTests
{
    private static readonly DurableTaskRegistry Registry = new DurableTaskRegistry().AddDeals().AddSupport();

    [Theory]
    [InlineData("support-ticket.p0-breached.json")]
    [InlineData("draft-approval.support-first-response.json")]
    public void RecordedHistory_ReplaysAgainstCurrentCode(string file)
    {
        HistoryReplayer.Replay(Registry, Load(file));
    }

    [Fact]
    public void ChangedHistory_IsReportedAsNondeterministic()
    {
        List<HistoryEvent> history = [.. Load("support-ticket.p0-breached.json")];
        int index = history.FindIndex(e => e is TaskScheduledEvent scheduled && scheduled.Name == "EscalateTicketSla");
        history[index] = ((TaskScheduledEvent)history[index]) with { Name = "SomethingElse" };

        NonDeterministicOrchestrationException error = Assert.Throws<NonDeterministicOrchestrationException>(() => HistoryReplayer.Replay(Registry, history));
        Assert.Contains("SomethingElse", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Writes an instance's history next to this file when asked to (re-recording after a deliberate change).</summary>
    internal static async Task SaveIfAskedAsync(SupportHarness harness, string instanceId, string file)
    {
        if (Environment.GetEnvironmentVariable("DEALIX_RECORD_HISTORIES") != "1")
        {
            return;
        }

        IReadOnlyList<HistoryEvent> history = await harness.Host.Client.GetHistoryAsync(instanceId);
        await File.WriteAllTextAsync(Path.Combine(Folder(), file), HistoryReplayer.Serialize(history));
    }

    private static IReadOnlyList<HistoryEvent> Load(string file) => HistoryReplayer.Deserialize(File.ReadAllText(Path.Combine(Folder(), file)));

    private static string Folder() => Path.Combine(Path.GetDirectoryName(SourceFile())!, "Histories");

    // Read next to the source: the histories are test data, not build output.
    private static string SourceFile([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;
}
