using Dealix.Functions.Infrastructure.Channels;
using Dealix.Functions.Infrastructure.Tests.Infrastructure;
using Dealix.Orchestrations.Deals.Contracts;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Dealix.Functions.Infrastructure.Tests.Channels;

public sealed class SmtpEmailAdapterTests
{
    private static SmtpEmailAdapter Adapter(FakeSmtpServer server) => new(Options.Create(new SmtpOptions
    {
        Host = "127.0.0.1",
        Port = server.Port,
        Security = "None",
        FromAddress = "sales@acme.example",
        FromName = "Acme",
        Timeout = TimeSpan.FromSeconds(5),
    }));

    private static ChannelSendRequest Request() => new(
        "acme", "d42", MessageChannel.Email, "fahad@lead.sa", "أكيد، الأسعار تعتمد على الباقة.", "corr-1", Subject: "Re: price",
        InReplyTo: "<CAF=abc123@mail.lead.sa>", UnsubscribeUrl: "https://dealix.example/api/v1/unsubscribe/u1.acme.em-1.sig",
        UnsubscribeMailto: "mailto:unsubscribe@dealix.example?subject=unsubscribe-u1.acme.em-1.sig");

    [Fact]
    public async Task Send_DeliversWithOneClickUnsubscribeHeadersAndAVisibleOptOutLine()
    {
        await using var server = new FakeSmtpServer();

        ChannelSendResult result = await Adapter(server).SendAsync(Request());

        Assert.Equal(ChannelSendResult.Sent("smtp", "d42@acme.example"), result);
        SmtpDelivery delivery = Assert.Single(server.Deliveries);
        Assert.Contains("fahad@lead.sa", Assert.Single(delivery.RcptTo), StringComparison.Ordinal);
        MimeMessage message = MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(delivery.Data)));
        Assert.Equal("<https://dealix.example/api/v1/unsubscribe/u1.acme.em-1.sig>, <mailto:unsubscribe@dealix.example?subject=unsubscribe-u1.acme.em-1.sig>",
            message.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        Assert.Equal(("d42@acme.example", "CAF=abc123@mail.lead.sa", "Re: price"), (message.MessageId, message.InReplyTo, message.Subject));
        Assert.Contains("أكيد، الأسعار تعتمد على الباقة.", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("لإيقاف استلام هذه الرسائل: https://dealix.example/api/v1/unsubscribe/", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_RecipientRefused_IsRejected()
    {
        await using var server = new FakeSmtpServer { RefuseRecipients = true };

        ChannelSendResult result = await Adapter(server).SendAsync(Request());

        Assert.Equal((SendOutcome.Rejected, "smtp_550"), (result.Outcome, result.Error));
        Assert.Empty(server.Deliveries);
    }

    [Fact]
    public async Task Send_ConnectionLostAfterTheData_IsUnknown()
    {
        await using var server = new FakeSmtpServer { DropAfterData = true };

        Assert.Equal(SendOutcome.Unknown, (await Adapter(server).SendAsync(Request())).Outcome);
    }

    [Fact]
    public async Task Send_NobodyListening_IsRejectedAsUnreachable()
    {
        int port;
        await using (var server = new FakeSmtpServer())
        {
            port = server.Port;
        }

        var adapter = new SmtpEmailAdapter(Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = port, Security = "None", FromAddress = "sales@acme.example" }));
        Assert.Equal((SendOutcome.Rejected, "unreachable"), (await adapter.SendAsync(Request())) is var r ? (r.Outcome, r.Error) : default);
    }
}
