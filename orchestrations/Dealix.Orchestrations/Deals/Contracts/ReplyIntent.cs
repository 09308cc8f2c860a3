namespace Dealix.Orchestrations.Deals.Contracts;

/// <summary>
/// The 12 reply category wire names of DOMAIN.md §9.1, as the deal workflow sees them. They are the same strings the
/// reply classifier's <c>ReplyCategory</c> enum writes, so the two are interchangeable on the wire.
/// </summary>
// WARNING: persisted in history and on the audit ledger.
public static class ReplyIntent
{
    public const string Unsubscribe = "unsubscribe";
    public const string Complaint = "complaint";
    public const string OutOfOffice = "out_of_office";
    public const string NotInterested = "not_interested";
    public const string WrongPerson = "wrong_person";
    public const string AlreadyHasSolution = "already_has_solution";
    public const string AskPrice = "ask_price";
    public const string AskDemo = "ask_demo";
    public const string NotNow = "not_now";
    public const string AskInfo = "ask_info";
    public const string Interested = "interested";
    public const string Unclear = "unclear";

    /// <summary>All 12, in precedence order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Unsubscribe, Complaint, OutOfOffice, NotInterested, WrongPerson, AlreadyHasSolution,
        AskPrice, AskDemo, NotNow, AskInfo, Interested, Unclear,
    ];
}
