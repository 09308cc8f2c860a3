using Dealix.Functions.Infrastructure.OperatorConsole;
using Dealix.Orchestrations.Reports.Contracts;
using Dealix.Orchestrations.Tasks;
using Dealix.Orchestrations.Tasks.Ports;

namespace Dealix.Functions.Infrastructure.Reports;

/// <summary>
/// The self-improvement facts of the reports (the Brain's reflection, the weekly trend report): the operator feedback
/// of the 30 days before the window's end (§4.7, without texts or comments) and the engineering issues the product loop
/// opened (engineer tasks of kind <c>product_*</c>, any status) from 7 days before the window to its end. Bounded reads.
/// </summary>
internal static class LoopReportFacts
{
    private const int MaxFeedback = 5000;
    private const int MaxEngineerTasks = 2000;
    private static readonly TimeSpan FeedbackSpan = TimeSpan.FromDays(30);

    /// <summary>The feedback facts of <paramref name="tenant"/> for the window.</summary>
    public static async Task<IReadOnlyList<FeedbackFact>> FeedbackAsync(TableDraftFeedback feedback, string tenant, ReportWindow window, CancellationToken cancellationToken) =>
        [.. (await feedback.ListBetweenAsync(tenant, window.End - FeedbackSpan, window.End, MaxFeedback, cancellationToken))
            .Select(f => new FeedbackFact(f.DraftId, f.Category, f.Kind, f.Decision, f.Factuality, f.Helpfulness, f.Tone, f.PolicyAlignment, f.Exemplar, f.ReasonCode, f.At))];

    /// <summary>The product loop's engineer tasks of <paramref name="tenant"/> opened from a week before the window to its end.</summary>
    public static async Task<IReadOnlyList<EngineerTaskFact>> EngineerTasksAsync(IHumanTaskStore tasks, string tenant, ReportWindow window, CancellationToken cancellationToken)
    {
        DateTime from = window.Start.AddDays(-7);
        var found = new List<EngineerTaskFact>();
        string? token = null;
        int seen = 0;
        do
        {
            HumanTaskPage page = await tasks.ListAsync(tenant, new HumanTaskQuery(Area: "ops", OwnerRole: "engineer", PageSize: 100, ContinuationToken: token), cancellationToken);
            seen += page.Items.Count;
            found.AddRange(page.Items
                .Where(t => t.Kind.StartsWith("product_", StringComparison.Ordinal) && t.CreatedAt.UtcDateTime >= from && t.CreatedAt.UtcDateTime < window.End)
                .Select(Fact));
            token = page.ContinuationToken;
        }
        while (token is not null && seen < MaxEngineerTasks);

        return [.. found.OrderBy(t => t.CreatedAt).ThenBy(t => t.TaskId, StringComparer.Ordinal)];
    }

    private static EngineerTaskFact Fact(HumanTask t)
    {
        string Detail(string key, string fallback) => t.Details is { } d && d.TryGetValue(key, out string? v) && !string.IsNullOrEmpty(v) ? v : fallback;
        return new EngineerTaskFact(t.TaskId, t.Kind, Detail("category", "unknown"), Detail("priority", "P2"), t.Status, t.CreatedAt.UtcDateTime);
    }
}
