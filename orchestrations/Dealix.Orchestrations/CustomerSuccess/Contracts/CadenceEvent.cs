namespace Dealix.Orchestrations.CustomerSuccess.Contracts;

/// <summary>One scheduled customer-success item: its kind (a cadence or a plan item) and its date (AST calendar day).</summary>
public sealed record CadenceEvent(int Day, DateOnly Date, string Item);
