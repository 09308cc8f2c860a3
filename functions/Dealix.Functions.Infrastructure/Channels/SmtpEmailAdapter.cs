using System.Net.Sockets;
using Dealix.Orchestrations.Deals.Contracts;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Dealix.Functions.Infrastructure.Channels;

/// <summary>
/// Sends e-mail over SMTP with MailKit (channels.md §4): <c>List-Unsubscribe</c> with one HTTPS one-click URI and a mailto,
/// <c>List-Unsubscribe-Post: List-Unsubscribe=One-Click</c>, a visible Arabic and English opt-out line, and a
/// <c>Message-ID</c> derived from the draft id. A refused connection is retried (nothing was sent); a command the server
/// refuses is rejected; a connection lost during the transfer is unknown.
/// </summary>
public sealed class SmtpEmailAdapter(IOptions<SmtpOptions> options) : IChannelAdapter
{
    public const string ProviderName = "smtp";

    private readonly SmtpOptions _options = options.Value;

    public string Provider => ProviderName;

    public MessageChannel Channel => MessageChannel.Email;

    public bool IsConfigured => _options.Host.Length > 0 && _options.FromAddress.Length > 0;

    public async Task<ChannelSendResult> SendAsync(ChannelSendRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsConfigured)
        {
            return ChannelSendResult.Rejected(Provider, "not_configured");
        }

        MimeMessage message = Compose(request);
        using var client = new SmtpClient { Timeout = (int)_options.Timeout.TotalMilliseconds };
        if (!await TryConnectAsync(client, cancellationToken))
        {
            return ChannelSendResult.Rejected(Provider, "unreachable");
        }

        try
        {
            await client.SendAsync(message, cancellationToken);
        }
        catch (SmtpCommandException e)
        {
            return ChannelSendResult.Rejected(Provider, $"smtp_{(int)e.StatusCode}");
        }
        catch (Exception e) when (e is IOException or SmtpProtocolException or ServiceNotConnectedException or OperationCanceledException or SocketException)
        {
            return ChannelSendResult.Unknown(Provider, "connection_lost");
        }

        try
        {
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception e) when (e is IOException or SmtpProtocolException or SocketException)
        {
            // The server accepted the message; a failed QUIT changes nothing.
        }

        return ChannelSendResult.Sent(Provider, message.MessageId);
    }

    /// <summary>The message as it goes out: headers, body with the visible opt-out line.</summary>
    public MimeMessage Compose(ChannelSendRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(_options.FromName, _options.FromAddress));
        message.To.Add(MailboxAddress.Parse(request.To));
        message.Subject = request.Subject ?? "Dealix";
        message.MessageId = $"{request.DraftId}@{_options.FromAddress.Split('@')[^1]}";
        if (request.InReplyTo is { Length: > 0 } inReplyTo)
        {
            message.InReplyTo = inReplyTo.Trim('<', '>');
        }

        string body = request.Text;
        if (request.UnsubscribeUrl is { Length: > 0 } url)
        {
            string mailto = request.UnsubscribeMailto ?? $"mailto:{_options.UnsubscribeMailbox}?subject=unsubscribe";
            message.Headers.Add("List-Unsubscribe", $"<{url}>, <{mailto}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            body += $"\n\n--\nلإيقاف استلام هذه الرسائل: {url}\nTo stop receiving these messages: {url}";
        }

        message.Body = new TextPart("plain") { Text = body };
        return message;
    }

    private async Task<bool> TryConnectAsync(SmtpClient client, CancellationToken cancellationToken)
    {
        SecureSocketOptions security = Enum.TryParse(_options.Security, ignoreCase: true, out SecureSocketOptions parsed) ? parsed : SecureSocketOptions.StartTls;
        for (int attempt = 1; attempt <= 3; attempt++)
        {
            try
            {
                await client.ConnectAsync(_options.Host, _options.Port, security, cancellationToken);
                if (_options.UserName.Length > 0)
                {
                    await client.AuthenticateAsync(_options.UserName, _options.Password, cancellationToken);
                }

                return true;
            }
            catch (Exception e) when (e is SocketException or IOException or SmtpProtocolException)
            {
                // Nothing was sent before the message transfer starts: safe to try again.
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), cancellationToken);
            }
            catch (AuthenticationException)
            {
                return false;
            }
        }

        return false;
    }
}
