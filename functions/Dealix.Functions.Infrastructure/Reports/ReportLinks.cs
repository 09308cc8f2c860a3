using Dealix.Functions.Infrastructure.Approvals;
using Dealix.Orchestrations.Reports.Ports;
using Microsoft.Extensions.Options;

namespace Dealix.Functions.Infrastructure.Reports;

/// <summary>Report links on the app's public base URL (<c>Approvals:PublicBaseUrl</c>): <c>{base}/api/v1/reports/{kind}?period={period}</c>.
/// The operator opens it with their own key; the link carries none.</summary>
public sealed class ReportLinks(IOptions<ApprovalOptions> options) : IReportLinks
{
    public string? For(string tenant, string kind, string period)
    {
        string baseUrl = options.Value.PublicBaseUrl;
        return Uri.TryCreate(baseUrl, UriKind.Absolute, out Uri? uri) && uri.Scheme is "http" or "https"
            ? $"{baseUrl.TrimEnd('/')}/api/v1/reports/{Uri.EscapeDataString(kind)}?period={Uri.EscapeDataString(period)}&tenant={Uri.EscapeDataString(tenant)}"
            : null;
    }
}
