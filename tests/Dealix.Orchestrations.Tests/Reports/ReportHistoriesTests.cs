using Dealix.Orchestrations.Notifications;
using Dealix.Orchestrations.Reports;
using Dealix.Runtime.Backend;
using Dealix.Runtime.Testing;
using Dealix.Runtime.Worker;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Tests.Reports;

/// <summary>
/// Recorded histories of the shipped <see cref="ReportRunOrchestrator"/> (an executive weekly pack built, stored and
/// announced; a trigger naming no valid period) keep replaying against the current code; a changed copy does not.
/// </summary>
public sealed class ReportHistoriesTests
{
    private static readonly DurableTaskRegistry Registry = new DurableTaskRegistry().AddReports().AddNotifications();

    [Theory]
    [InlineData("report-run.stored.json")]
    [InlineData("report-run.invalid-trigger.json")]
    public void RecordedHistory_ReplaysAgainstCurrentCode(string file)
    {
        HistoryReplayer.Replay(Registry, Load(file));
    }

    [Theory]
    [InlineData("BuildReport")]
    [InlineData(OperatorAlertActivities.Send)]
    public void ChangedHistory_IsReportedAsNondeterministic(string activity)
    {
        List<HistoryEvent> history = [.. Load("report-run.stored.json")];
        int index = history.FindIndex(e => e is TaskScheduledEvent scheduled && scheduled.Name == activity);
        history[index] = ((TaskScheduledEvent)history[index]) with { Name = "SomethingElse" };

        NonDeterministicOrchestrationException error = Assert.Throws<NonDeterministicOrchestrationException>(() => HistoryReplayer.Replay(Registry, history));
        Assert.Contains("SomethingElse", error.Message, StringComparison.Ordinal);
    }

    private static IReadOnlyList<HistoryEvent> Load(string file) =>
        HistoryReplayer.Deserialize(File.ReadAllText(Path.Combine(Path.GetDirectoryName(SourceFile())!, "Histories", file)));

    // Read next to the source: the histories are test data, not build output.
    private static string SourceFile([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;
}
