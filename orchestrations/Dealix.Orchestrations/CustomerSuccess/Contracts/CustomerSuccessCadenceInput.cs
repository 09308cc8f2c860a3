namespace Dealix.Orchestrations.CustomerSuccess.Contracts;

/// <summary>
/// Input and carried state of one customer's <see cref="CustomerSuccessCadenceOrchestrator"/> (<c>cs:{tenant}:{customerId}</c>).
/// A starter (the end of onboarding, the operator route) sets the first four; the rest is the state each monthly
/// generation hands to the next through continue-as-new.
/// </summary>
/// <param name="Tenant">The tenant.</param>
/// <param name="CustomerId">The customer within the tenant.</param>
/// <param name="Bundle">The bundle (§3.2), which picks the 30-day plan (§14.6).</param>
/// <param name="StartedAt">Cadence activation: day 0 of every plan (§14.6).</param>
// WARNING: persisted in history; the onboarding orchestration starts the cadence with the first four fields.
public sealed record CustomerSuccessCadenceInput(string Tenant, string CustomerId, string Bundle, DateTimeOffset StartedAt)
{
    /// <summary>The contract renewal date (AST); null means 365 days after activation (project choice).</summary>
    public DateOnly? RenewalDate { get; init; }

    /// <summary>The month this generation covers: plan days 30·Month+1 … 30·(Month+1) after activation.</summary>
    public int Month { get; init; }

    /// <summary>The post-delivery handoff (§14.4) is done; it runs once, in the first generation.</summary>
    public bool HandoffDone { get; init; }

    /// <summary>Touchpoints held so far over the cadence's whole life.</summary>
    public int TouchpointsHeld { get; init; }

    /// <summary>The last touchpoint held (<c>yyyyMMdd:item</c>).</summary>
    public string? LastTouchpoint { get; init; }

    /// <summary>
    /// Tests only: the length of one plan day, to run a cadence in seconds on a real host; null (always in production)
    /// means calendar days, each touchpoint at 08:30 AST on its date.
    /// </summary>
    public TimeSpan? DayLength { get; init; }
}
