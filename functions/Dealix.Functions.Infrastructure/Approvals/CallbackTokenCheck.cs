namespace Dealix.Functions.Infrastructure.Approvals;

/// <summary>The outcome of redeeming a callback token; <see cref="Claims"/> is set when the token was readable and
/// correctly signed.</summary>
public sealed record CallbackTokenCheck(CallbackTokenVerdict Verdict, CallbackClaims? Claims)
{
    public bool IsValid => Verdict == CallbackTokenVerdict.Valid;
}
