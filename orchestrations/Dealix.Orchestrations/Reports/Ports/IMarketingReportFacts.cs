using Dealix.Orchestrations.Reports.Contracts;

namespace Dealix.Orchestrations.Reports.Ports;

/// <summary>Reads the <see cref="MarketingFacts"/> of a tenant for a report window (the monthly competitive analysis).</summary>
public interface IMarketingReportFacts
{
    /// <summary>The facts of <paramref name="tenant"/> for <paramref name="window"/>.</summary>
    Task<MarketingFacts> ReadAsync(string tenant, ReportWindow window, CancellationToken cancellationToken = default);
}
