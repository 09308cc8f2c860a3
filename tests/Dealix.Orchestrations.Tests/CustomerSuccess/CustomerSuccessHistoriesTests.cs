using Dealix.Runtime.Backend;
using Dealix.Runtime.Testing;
using Dealix.Runtime.Worker;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Tests.CustomerSuccess;

/// <summary>Recorded histories of the shipped customer-success orchestrators keep replaying; a changed copy does not.</summary>
public sealed class CustomerSuccessHistoriesTests
{
    private static readonly DurableTaskRegistry Registry = Registered();

    [Theory]
    [InlineData("cs-cadence.first-check-in.json")]
    [InlineData("cs-at-risk.sweep.json")]
    public void RecordedHistory_ReplaysAgainstCurrentCode(string file)
    {
        HistoryReplayer.Replay(Registry, Load(file));
    }

    [Theory]
    [InlineData("cs-cadence.first-check-in.json", "PrepareCsTouchpoint")]
    [InlineData("cs-at-risk.sweep.json", "ScoreCustomerRisk")]
    public void ChangedHistory_IsReportedAsNondeterministic(string file, string activity)
    {
        List<HistoryEvent> history = [.. Load(file)];
        int index = history.FindIndex(e => e is TaskScheduledEvent scheduled && scheduled.Name == activity);
        history[index] = ((TaskScheduledEvent)history[index]) with { Name = "SomethingElse" };

        NonDeterministicOrchestrationException error = Assert.Throws<NonDeterministicOrchestrationException>(() => HistoryReplayer.Replay(Registry, history));
        Assert.Contains("SomethingElse", error.Message, StringComparison.Ordinal);
    }

    private static DurableTaskRegistry Registered()
    {
        var registry = new DurableTaskRegistry();
        CsHarness.Register(registry);
        return registry;
    }

    private static IReadOnlyList<HistoryEvent> Load(string file) =>
        HistoryReplayer.Deserialize(File.ReadAllText(Path.Combine(Path.GetDirectoryName(SourceFile())!, "Histories", file)));

    // Read next to the source: the histories are test data, not build output.
    private static string SourceFile([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;
}
