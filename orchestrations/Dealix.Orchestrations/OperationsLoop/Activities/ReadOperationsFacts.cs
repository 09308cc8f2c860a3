using Dealix.Orchestrations.CustomerSuccess.Contracts;
using Dealix.Orchestrations.CustomerSuccess.Ports;
using Dealix.Orchestrations.OperationsLoop.Contracts;
using Dealix.Orchestrations.OperationsLoop.Ports;
using Dealix.Orchestrations.OperationsLoop.Rules;
using Dealix.Orchestrations.Reports.Rules;
using Dealix.Orchestrations.Tasks.Ports;
using Microsoft.DurableTask;

namespace Dealix.Orchestrations.OperationsLoop.Activities;

/// <summary>
/// Reads what the operations checks need for a tenant and AST day: the metric figures of the 35 days up to the day, the
/// tenant's customers under a cadence with health inputs, and the post-mortems and retro tasks the loop raised on the 6
/// days before. Reads only.
/// </summary>
[DurableTask(Name)]
public sealed class ReadOperationsFacts(IOperationsStore store, ICustomerSuccessStore customerSuccess, IHumanTaskStore tasks) : TaskActivity<OpsFactsInput, OperationsFacts>
{
    public const string Name = "ReadOperationsFacts";

    /// <summary>How many days of figures are read (the runway look-back and the 28-day baselines before the window).</summary>
    public const int LookBackDays = 35;

    public override async Task<OperationsFacts> RunAsync(TaskActivityContext context, OpsFactsInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        DateOnly day = ReportWindows.ParseDay(input.Period) ?? throw new ArgumentException($"Not a day: {input.Period}.", nameof(input));
        IReadOnlyList<MetricPoint> metrics = await store.ListMetricsAsync(input.Tenant, day.AddDays(-LookBackDays), day);
        var customers = new List<OpsCustomer>();
        foreach (CsCustomer c in (await customerSuccess.ListCustomersAsync()).Where(c => c.Tenant == input.Tenant))
        {
            if (await customerSuccess.GetHealthInputsAsync(input.Tenant, c.CustomerId) is { } health)
            {
                customers.Add(new OpsCustomer(c.CustomerId, health));
            }
        }

        var postMortems = new List<string>();
        var retros = new List<string>();
        for (int back = OperationsChecks.CoverDays; back >= 1; back--)
        {
            string period = day.AddDays(-back).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
            if (await store.GetPostMortemAsync(input.Tenant, OperationsChecks.PostMortemId(period)) is not null)
            {
                postMortems.Add(OperationsChecks.PostMortemId(period));
            }

            if (await tasks.GetAsync(input.Tenant, OperationsChecks.RetroTaskId(input.Tenant, period)) is not null)
            {
                retros.Add(OperationsChecks.RetroTaskId(input.Tenant, period));
            }
        }

        return new OperationsFacts(metrics, customers, postMortems, retros);
    }
}
