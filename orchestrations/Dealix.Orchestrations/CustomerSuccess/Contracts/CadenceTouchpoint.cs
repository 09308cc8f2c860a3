namespace Dealix.Orchestrations.CustomerSuccess.Contracts;

/// <summary>
/// One scheduled customer-success touchpoint: the plan item (a §14.1 cadence such as <c>weekly_check_in</c>, or a
/// §14.6 plan item such as <c>founder_shadow_board</c>, or <c>renewal_decision</c>), its AST date, the instant it is
/// due and its key (<c>yyyyMMdd:item</c>), unique within a customer.
/// </summary>
// WARNING: persisted in history, in the custom status and in the CsTouchpoints table.
public sealed record CadenceTouchpoint(string Key, string Item, int Day, DateOnly Date, DateTimeOffset DueAt);
