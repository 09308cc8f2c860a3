using Dealix.Orchestrations.Reports.Contracts;
using Dealix.Orchestrations.Reports.Ports;
using Dealix.Orchestrations.Reports.Rules;
using Dealix.Orchestrations.SelfImprovement.Contracts;
using Dealix.Orchestrations.SelfImprovement.Rules;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.SelfImprovement.Activities;

/// <summary>Reads the tenant's facts (drafts, tickets, ledger, incidents) for the daily digest's window of the period and
/// returns the product loop's top findings (<see cref="ProductRules"/>).</summary>
[DurableTask(Name)]
public sealed class ReadProductFindings(IReportFactsSource facts) : TaskActivity<ProductFindingsInput, IReadOnlyList<ProductFinding>>
{
    public const string Name = "ReadProductFindings";

    public override async Task<IReadOnlyList<ProductFinding>> RunAsync(TaskActivityContext context, ProductFindingsInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ReportWindow window = ReportWindows.For(ReportKinds.Find(ReportKinds.DailyDigest)!, input.Period)
            ?? throw new ArgumentException($"Not a daily period: {input.Period}.", nameof(input));
        ReportFacts read = await facts.ReadAsync(input.TenantId, window);
        return ProductRules.Findings(read, window.Start, window.End);
    }
}

/// <summary>Input of <see cref="ReadProductFindings"/>.</summary>
// WARNING: persisted in history.
public sealed record ProductFindingsInput(string TenantId, string Period);
