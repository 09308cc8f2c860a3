namespace Dealix.Orchestrations.Outreach.Contracts;

/// <summary>The content gate's verdict (§3.7): hard fails block the draft; warnings are shown to the approver.</summary>
public sealed record GateResult(bool Passed, IReadOnlyList<string> HardFails, IReadOnlyList<string> Warnings);
