namespace Dealix.Orchestrations.Outreach.Contracts;

/// <summary>Everything §10.2 generates for one company: the e-mail sequence, a call script and a LinkedIn message.</summary>
public sealed record OutreachSequence(EmailDraft Email, string CallScript, string LinkedInMessage);
