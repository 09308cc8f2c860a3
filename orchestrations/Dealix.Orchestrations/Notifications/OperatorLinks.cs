namespace Dealix.Orchestrations.Notifications;

/// <summary>
/// The <see cref="OperatorAlert.Link"/> of each alert kind: the API route where the operator sees and acts on the
/// subject, relative to the app (<c>/api/v1/…?tenant=…</c>). Rendered absolute when <c>Operators:PublicBaseUrl</c> is set.
/// </summary>
public static class OperatorLinks
{
    /// <summary>A support ticket (SLA warnings and breaches, P0 pages).</summary>
    public static string Ticket(string tenant, string ticketId) => $"/api/v1/customer-ops/support/tickets/{Escape(ticketId)}?tenant={Escape(tenant)}";

    /// <summary>An incident (opened, PDPL reminders, its update approvals).</summary>
    public static string Incident(string tenant, string incidentId) => $"/api/v1/customer-ops/incidents/{Escape(incidentId)}?tenant={Escape(tenant)}";

    /// <summary>The approval center's pending drafts (approval reminders and escalations).</summary>
    public static string PendingApprovals(string tenant) => $"/api/v1/approval-center?tenant={Escape(tenant)}&status=pending_approval";

    /// <summary>The drafts whose send outcome is unknown (<c>send_unknown</c>).</summary>
    public static string SendUnknown(string tenant) => $"/api/v1/approval-center?tenant={Escape(tenant)}&status=send_unknown";

    /// <summary>True for a link an alert may carry: an absolute http(s) URL, or an app path (<c>/…</c>, not <c>//…</c>).</summary>
    public static bool IsValid(string? link) =>
        link is { Length: > 0 and <= 2000 } && !link.Any(char.IsWhiteSpace) && !link.Any(char.IsControl)
        && ((link.StartsWith('/') && !link.StartsWith("//", StringComparison.Ordinal) && Uri.TryCreate(link, UriKind.Relative, out _))
            || (Uri.TryCreate(link, UriKind.Absolute, out Uri? uri) && uri.Scheme is "https" or "http"));

    private static string Escape(string value) => Uri.EscapeDataString(value);
}
