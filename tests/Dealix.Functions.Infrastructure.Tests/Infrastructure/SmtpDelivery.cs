namespace Dealix.Functions.Infrastructure.Tests.Infrastructure;

/// <summary>One accepted message: MAIL FROM, RCPT TO lines and the raw data.</summary>
public sealed record SmtpDelivery(string MailFrom, IReadOnlyList<string> RcptTo, string Data);
