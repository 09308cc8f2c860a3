namespace Dealix.Orchestrations.Outreach.Contracts;

/// <summary>
/// Something that might deserve an operator alert (DOMAIN.md §17.6): a metric moving against its baseline, a
/// financial event, a security finding or an Enterprise customer being affected, first seen at
/// <see cref="FirstSeenAt"/> and possibly already resolved.
/// </summary>
/// <param name="Subject">What it is about (a metric, a connector, a customer), for the alert text.</param>
/// <param name="FirstSeenAt">When it was first seen (UTC).</param>
public sealed record AlertCandidate(string Subject, DateTime FirstSeenAt)
{
    /// <summary>The observed value of a metric, when the candidate is a metric change.</summary>
    public double? Value { get; init; }

    /// <summary>The metric's baseline (see <c>SmartAlertPolicy.Baseline</c>).</summary>
    public double? Baseline { get; init; }

    /// <summary>The amount of a financial event, in SAR.</summary>
    public decimal? AmountSar { get; init; }

    /// <summary>The severity of a security finding.</summary>
    public SecuritySeverity? Security { get; init; }

    /// <summary>True when an Enterprise customer is affected.</summary>
    public bool AffectsEnterpriseCustomer { get; init; }

    /// <summary>True for "nice to know" items, which never alert.</summary>
    public bool NiceToKnow { get; init; }

    /// <summary>When the problem resolved itself, if it did.</summary>
    public DateTime? ResolvedAt { get; init; }
}

/// <summary>Severity of a security finding.</summary>
public enum SecuritySeverity
{
    /// <summary>Low.</summary>
    Low,

    /// <summary>Medium.</summary>
    Medium,

    /// <summary>High.</summary>
    High,

    /// <summary>Critical: always alerts.</summary>
    Critical,
}
