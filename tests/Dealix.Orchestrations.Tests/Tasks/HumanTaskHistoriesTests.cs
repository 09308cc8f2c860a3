using Dealix.Orchestrations.Tasks;
using Dealix.Runtime.Backend;
using Dealix.Runtime.Testing;
using Dealix.Runtime.Worker;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Tests.Tasks;

/// <summary>A recorded history of the shipped sweep (a redelivery: SendEvent, then MarkHumanTasksDelivered) keeps
/// replaying; a changed copy does not.</summary>
public sealed class HumanTaskHistoriesTests
{
    private const string Redelivered = "human-task-sweep.redelivered.json";
    private static readonly DurableTaskRegistry Registry = new DurableTaskRegistry().AddHumanTasks();

    [Fact]
    public void RecordedHistory_ReplaysAgainstCurrentCode()
    {
        IReadOnlyList<HistoryEvent> history = Load(Redelivered);

        HistoryReplayer.Replay(Registry, history);
        Assert.Contains(history, e => e is EventSentEvent);
    }

    [Fact]
    public void ChangedHistory_IsReportedAsNondeterministic()
    {
        List<HistoryEvent> history = [.. Load(Redelivered)];
        int index = history.FindIndex(e => e is TaskScheduledEvent scheduled && scheduled.Name == "MarkHumanTasksDelivered");
        history[index] = ((TaskScheduledEvent)history[index]) with { Name = "SomethingElse" };

        NonDeterministicOrchestrationException error = Assert.Throws<NonDeterministicOrchestrationException>(() => HistoryReplayer.Replay(Registry, history));
        Assert.Contains("SomethingElse", error.Message, StringComparison.Ordinal);
    }

    private static IReadOnlyList<HistoryEvent> Load(string file) =>
        HistoryReplayer.Deserialize(File.ReadAllText(Path.Combine(Path.GetDirectoryName(SourceFile())!, "Histories", file)));

    // Read next to the source: the histories are test data, not build output.
    private static string SourceFile([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;
}
