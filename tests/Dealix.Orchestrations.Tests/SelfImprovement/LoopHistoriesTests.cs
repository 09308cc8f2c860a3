using Dealix.Orchestrations.Notifications;
using Dealix.Orchestrations.Reports;
using Dealix.Orchestrations.SelfImprovement;
using Dealix.Runtime.Backend;
using Dealix.Runtime.Testing;
using Dealix.Runtime.Worker;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Tests.SelfImprovement;

/// <summary>
/// Recorded histories of the shipped loop orchestrators keep replaying against the current code; a changed copy does
/// not. Recorded on the in-memory engine: the marketing loop applying a raise and a pause and putting a cut up for
/// approval; that cut's <see cref="LoopApprovalOrchestrator"/> approved and applied; the product loop opening a P0 for a
/// SEV1 and running the daily digest as a sub-orchestration; the daily audit export; and a <c>ReportRun</c> of the
/// founder auto-action review pack.
/// </summary>
public sealed class LoopHistoriesTests
{
    private static readonly DurableTaskRegistry Registry = new DurableTaskRegistry().AddSelfImprovement().AddReports().AddNotifications();

    [Theory]
    [InlineData("marketing-loop.applied-and-awaiting.json")]
    [InlineData("loop-approval.approved-applied.json")]
    [InlineData("product-loop.critical-bug-and-digest.json")]
    [InlineData("audit-export.completed.json")]
    [InlineData("report-run.founder-auto-action-review.json")]
    public void RecordedHistory_ReplaysAgainstCurrentCode(string file)
    {
        HistoryReplayer.Replay(Registry, Load(file));
    }

    [Theory]
    [InlineData("marketing-loop.applied-and-awaiting.json", "ApplyLoopAction")]
    [InlineData("marketing-loop.applied-and-awaiting.json", "StartOrchestrationOnce")]
    [InlineData("loop-approval.approved-applied.json", "ApplyLoopAction")]
    [InlineData("product-loop.critical-bug-and-digest.json", OperatorAlertActivities.Send)]
    [InlineData("audit-export.completed.json", "ExportAuditDay")]
    public void ChangedHistory_IsReportedAsNondeterministic(string file, string activity)
    {
        List<HistoryEvent> history = [.. Load(file)];
        int index = history.FindIndex(e => e is TaskScheduledEvent scheduled && scheduled.Name == activity);
        history[index] = ((TaskScheduledEvent)history[index]) with { Name = "SomethingElse" };

        NonDeterministicOrchestrationException error = Assert.Throws<NonDeterministicOrchestrationException>(() => HistoryReplayer.Replay(Registry, history));
        Assert.Contains("SomethingElse", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ChangedSubOrchestration_IsReportedAsNondeterministic()
    {
        List<HistoryEvent> history = [.. Load("product-loop.critical-bug-and-digest.json")];
        int index = history.FindIndex(e => e is SubOrchestrationInstanceCreatedEvent);
        history[index] = ((SubOrchestrationInstanceCreatedEvent)history[index]) with { Name = "SomethingElse" };

        NonDeterministicOrchestrationException error = Assert.Throws<NonDeterministicOrchestrationException>(() => HistoryReplayer.Replay(Registry, history));
        Assert.Contains("SomethingElse", error.Message, StringComparison.Ordinal);
    }

    private static IReadOnlyList<HistoryEvent> Load(string file) =>
        HistoryReplayer.Deserialize(File.ReadAllText(Path.Combine(Path.GetDirectoryName(SourceFile())!, "Histories", file)));

    // Read next to the source: the histories are test data, not build output.
    private static string SourceFile([System.Runtime.CompilerServices.CallerFilePath] string path = "") => path;
}
