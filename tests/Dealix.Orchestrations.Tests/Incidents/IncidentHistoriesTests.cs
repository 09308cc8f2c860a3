using Dealix.Orchestrations.Incidents;
using Dealix.Runtime.Backend;
using Dealix.Runtime.Testing;
using Dealix.Runtime.Worker;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.Tests.Incidents;

/// <summary>Recorded histories of the shipped incident orchestrators keep replaying; a changed copy does not.</summary>
public sealed class IncidentHistoriesTests
{
    private static readonly DurableTaskRegistry Registry = new DurableTaskRegistry().AddIncidents();

    [Theory]
    [InlineData("incident-response.sev3-closed.json")]
    [InlineData("incident-response.sev1-open.json")]
    [InlineData("incident-response.p0-ticket-sev1.json")]
    [InlineData("incident-update-approval.escalated-approved.json")]
    public void RecordedHistory_ReplaysAgainstCurrentCode(string file) => HistoryReplayer.Replay(Registry, Load(file));

    [Theory]
    [InlineData("incident-response.sev3-closed.json", "SaveIncident")]
    [InlineData("incident-response.sev1-open.json", "FreezeTenant")]
    [InlineData("incident-response.p0-ticket-sev1.json", "FreezeTenant")]
    [InlineData("incident-update-approval.escalated-approved.json", "SendOperatorAlert")]
    public void ChangedHistory_IsReportedAsNondeterministic(string file, string activity)
    {
        List<HistoryEvent> history = [.. Load(file)];
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
