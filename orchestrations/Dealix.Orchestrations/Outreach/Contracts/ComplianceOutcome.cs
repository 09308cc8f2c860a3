using System.Text.Json.Serialization;

namespace Dealix.Orchestrations.Outreach.Contracts;

/// <summary>The compliance verdict (§10.3).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ComplianceOutcome>))]
public enum ComplianceOutcome
{
    /// <summary>Nothing blocks or warns.</summary>
    [JsonStringEnumMemberName("allowed")] Allowed,

    /// <summary>A warn or PDPL flag: a manual channel is preferred.</summary>
    [JsonStringEnumMemberName("warn")] Warn,

    /// <summary>A block condition holds: never contacted.</summary>
    [JsonStringEnumMemberName("blocked")] Blocked,
}

/// <summary>Contactability (§10.4).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Contactability>))]
public enum Contactability
{
    /// <summary>Approved channels only.</summary>
    [JsonStringEnumMemberName("safe")] Safe,

    /// <summary>A warn or flag, a missing role, a stale source.</summary>
    [JsonStringEnumMemberName("needs_review")] NeedsReview,

    /// <summary>Any block condition.</summary>
    [JsonStringEnumMemberName("blocked")] Blocked,
}

/// <summary>The result of the compliance check: outcome, contactability and every reason as a stable code.</summary>
public sealed record ComplianceResult(ComplianceOutcome Outcome, Contactability Contactability, IReadOnlyList<string> Reasons);
