namespace Dealix.Orchestrations.Reports.Contracts;

/// <summary>
/// The weekly support review (§11.4, §12; §18 Sunday 09:00, covering the seven days before Sunday 00:00 AST): tickets
/// opened and closed by priority, SLA breaches and the classification of both targets, the §12.3 health verdict,
/// repeated issues (for the product loop, §17.2) and the tickets still open.
/// </summary>
/// <param name="Opened">Tickets opened in the window, per priority.</param>
/// <param name="Closed">Tickets resolved in the window, per priority.</param>
/// <param name="BreachesByPriority">Breached tickets (opened in the window) per priority.</param>
/// <param name="FirstResponse">First-response target status counts (<c>met</c>, <c>pending</c>, <c>at_risk</c>, <c>breached</c>).</param>
/// <param name="Resolution">Resolution target status counts.</param>
/// <param name="Breaches">Each breached ticket: id, priority and which targets.</param>
/// <param name="BreachRate">Breached ÷ total tickets opened in the window (0 with none).</param>
/// <param name="Verdict"><c>healthy</c>, <c>watch</c> or <c>critical</c> (§12.3).</param>
/// <param name="MedianFirstResponseMinutes">Median first response of the window's tickets, null when none was answered.</param>
/// <param name="RepeatedIssues">Keywords that classified two or more of the window's tickets, most frequent first (top 5).</param>
/// <param name="OpenNow">Tickets open now, per priority.</param>
public sealed record WeeklySupportReview(
    IReadOnlyDictionary<string, int> Opened,
    IReadOnlyDictionary<string, int> Closed,
    IReadOnlyDictionary<string, int> BreachesByPriority,
    IReadOnlyDictionary<string, int> FirstResponse,
    IReadOnlyDictionary<string, int> Resolution,
    IReadOnlyList<BreachItem> Breaches,
    double BreachRate,
    string Verdict,
    double? MedianFirstResponseMinutes,
    IReadOnlyList<RepeatedIssue> RepeatedIssues,
    IReadOnlyDictionary<string, int> OpenNow);

/// <summary>One breached ticket: which of its targets breached.</summary>
public sealed record BreachItem(string TicketId, string Priority, bool FirstResponse, bool Resolution, bool Open);

/// <summary>A keyword that recurred across tickets.</summary>
public sealed record RepeatedIssue(string Keyword, int Tickets);
