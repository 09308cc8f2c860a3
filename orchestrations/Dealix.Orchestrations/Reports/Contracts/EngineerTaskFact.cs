namespace Dealix.Orchestrations.Reports.Contracts;

/// <summary>
/// An engineering issue the product loop opened (§17.2; a human task for the engineer, kind <c>product_{action}</c>):
/// the finding's category (<c>critical_bug</c>, <c>bug</c>, <c>feature_request</c>, <c>ux_friction</c>), the issue
/// priority (<c>P0</c>, <c>P1</c>, <c>P2</c> = minor fix), the task's status and when it was opened.
/// </summary>
public sealed record EngineerTaskFact(string TaskId, string Kind, string Category, string Priority, string Status, DateTime CreatedAt);
