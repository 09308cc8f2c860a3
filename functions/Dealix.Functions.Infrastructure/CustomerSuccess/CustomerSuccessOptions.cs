namespace Dealix.Functions.Infrastructure.CustomerSuccess;

/// <summary>Settings of the customer-success area (<c>CustomerSuccess__*</c>).</summary>
public sealed class CustomerSuccessOptions
{
    public const string Section = "CustomerSuccess";

    /// <summary>
    /// Tests only: the length of one cadence day for cadences started through the API or by a completed onboarding
    /// (e.g. <c>00:00:02</c>), so an end-to-end test sees the first check-in in seconds. Unset (always in production):
    /// calendar days.
    /// </summary>
    public TimeSpan? TestDayLength { get; set; }
}
