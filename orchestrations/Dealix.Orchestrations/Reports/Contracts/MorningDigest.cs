namespace Dealix.Orchestrations.Reports.Contracts;

/// <summary>
/// The founder's morning operations digest (§17.4 check 5, §18 06:00 daily; Sunday's covers Thursday–Saturday):
/// deals won, new leads and customers, at-risk customers, system health, and the top three action items.
/// </summary>
/// <param name="DealsWon">Deals moved to <c>closed_won</c> in the window.</param>
/// <param name="NewLeads">Deals whose first ledger line falls in the window.</param>
/// <param name="NewCustomers">Customers whose customer-success cadence started in the window.</param>
/// <param name="AtRiskCustomers">Customers whose latest at-risk severity is medium or high.</param>
/// <param name="Health">Open incidents, incidents detected in the window, tenant freeze.</param>
/// <param name="ActionItems">The top three priorities, most urgent first.</param>
/// <param name="Revenue">Revenue in SAR over the window's days from the operations metrics store; <c>not measured</c> when no day has a figure.</param>
/// <param name="Uptime">The 7-day uptime (%) before the run day from the operations metrics store; <c>not measured</c> when no day has a figure.</param>
public sealed record MorningDigest(int DealsWon, int NewLeads, int NewCustomers, int AtRiskCustomers, SystemHealth Health, IReadOnlyList<ActionItem> ActionItems,
    DigestFigure? Revenue = null, DigestFigure? Uptime = null);

