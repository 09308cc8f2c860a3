using Dealix.Orchestrations.CustomerSuccess.Rules;

namespace Dealix.Orchestrations.Onboarding.Rules;

/// <summary>
/// The customer inputs of the steps that take one (§5.1, §5.2) and their validation: <c>select_goal</c> (goal),
/// <c>select_bundle</c> (one of the 5 bundles, price <c>standard</c> or <c>non_standard</c>), <c>company_intake</c>
/// (company name, sector, city), <c>upload_or_source</c> (source <c>csv</c> with its row count, <c>crm</c> with the CRM,
/// or <c>none</c>) and <c>first_proof_pack</c> (the customer's approval of Proof Pack v1). Pure.
/// </summary>
public static class StepInputs
{
    /// <summary>The steps that wait on a customer input.</summary>
    public static IReadOnlyList<string> InputSteps { get; } = ["select_goal", "select_bundle", "company_intake", "upload_or_source", "first_proof_pack"];

    private const int MaxValueLength = 200;

    /// <summary>Null when <paramref name="values"/> are a valid input for <paramref name="stepId"/>, else why not.</summary>
    public static string? Validate(string stepId, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Any(v => v.Value is null || v.Value.Length > MaxValueLength || v.Key.Length > 64))
        {
            return $"values are strings of at most {MaxValueLength} characters.";
        }

        string? Get(string key) => values.TryGetValue(key, out string? v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        return stepId switch
        {
            "select_goal" => Get("goal") is null ? "select_goal needs values.goal." : null,
            "select_bundle" when !SuccessPlans.IsKnownBundle(Get("bundle")) => $"values.bundle must be one of: {string.Join(", ", SuccessPlans.Bundles)}.",
            "select_bundle" when Get("price") is { } price && price is not ("standard" or "non_standard") => "values.price must be standard or non_standard.",
            "select_bundle" => null,
            "company_intake" when Get("company_name") is null || Get("sector") is null || Get("city") is null => "company_intake needs values.company_name, values.sector and values.city.",
            "company_intake" => null,
            "upload_or_source" => Get("source") switch
            {
                "csv" => int.TryParse(Get("rows"), out int rows) && rows is > 0 and <= 100_000 ? null : "a csv source needs values.rows (1–100000).",
                "crm" => Get("crm") is null ? "a crm source needs values.crm (the CRM's name)." : null,
                "none" => null,
                _ => "values.source must be csv, crm or none.",
            },
            "first_proof_pack" => Get("approved") is "true" ? null : "first_proof_pack takes values.approved = \"true\" once the customer approved Proof Pack v1.",
            _ when OnboardingRules.Steps.Any(s => s.Id == stepId) => "step_takes_no_input",
            _ => "unknown_step",
        };
    }
}
