using Dealix.Orchestrations.Content.Contracts;

namespace Dealix.Orchestrations.Content.Ports;

/// <summary>Reads what a week's content suggestions are inspired by (see <see cref="ContentFacts"/>).</summary>
public interface IContentFactsSource
{
    /// <summary>The facts of <paramref name="tenantId"/> for the ISO week <paramref name="week"/> (<c>yyyyWww</c>).</summary>
    Task<ContentFacts> ReadAsync(string tenantId, string week, CancellationToken cancellationToken = default);
}
