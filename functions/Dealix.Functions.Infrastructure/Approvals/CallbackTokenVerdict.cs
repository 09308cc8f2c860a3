namespace Dealix.Functions.Infrastructure.Approvals;

/// <summary>Why a callback token was accepted or refused (all refusals answer 403 and go on the audit ledger).</summary>
public enum CallbackTokenVerdict
{
    Valid,
    Malformed,
    BadSignature,
    Expired,
    WrongTenant,
    WrongDraft,
    AlreadyUsed,
}
