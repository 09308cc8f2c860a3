namespace Dealix.Orchestrations.Reports.Ports;

/// <summary>Where a stored report can be read (the absolute URL of its JSON route), for the operator alert's link.</summary>
public interface IReportLinks
{
    /// <summary>The URL of the report, or null when the app's public address is not configured.</summary>
    string? For(string tenant, string kind, string period);
}
