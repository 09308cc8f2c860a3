using System.Text;
using Dealix.Functions.Infrastructure.Webhooks;
using Dealix.Orchestrations.Deals.Contracts;

namespace Dealix.Functions.Infrastructure.Tests.Webhooks;

public sealed class EmailParserTests
{
    private const string Boundary = "xYzZY";

    static EmailParserTests()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>A SendGrid Inbound Parse body: fields as form parts, the text in windows-1256 as its charsets say.</summary>
    internal static byte[] SendGridBody(string text = "كم السعر؟", string headers = "", string textCharset = "windows-1256", bool withAttachment = true)
    {
        var body = new MemoryStream();
        void Part(string name, byte[] value, string? fileName = null)
        {
            string disposition = fileName is null ? $"form-data; name=\"{name}\"" : $"form-data; name=\"{name}\"; filename=\"{fileName}\"";
            body.Write(Encoding.ASCII.GetBytes($"--{Boundary}\r\nContent-Disposition: {disposition}\r\n\r\n"));
            body.Write(value);
            body.Write("\r\n"u8);
        }

        void Text(string name, string value) => Part(name, Encoding.UTF8.GetBytes(value));
        Text("headers", "Received: by mx.sendgrid.net\r\nMessage-ID: <CAF=abc123@mail.lead.sa>\r\nIn-Reply-To: <d42@dealix>\r\n" +
            "Date: Sun, 22 Nov 2026 09:00:00 +0300\r\nSubject: =?UTF-8?B?2YPZhSDYp9mE2LPYudix?=\r\n" + headers);
        Text("dkim", "{@lead.sa : pass}");
        Text("to", "Acme Sales <sales@acme.example>");
        Text("from", "Fahad Alharbi <Fahad@Lead.sa>");
        Text("subject", "Re: عرض Dealix");
        Part("text", Encoding.GetEncoding(textCharset).GetBytes(text));
        Text("envelope", """{"to":["sales@acme.example"],"from":"fahad@lead.sa"}""");
        Text("charsets", $$"""{"to":"UTF-8","subject":"UTF-8","from":"UTF-8","text":"{{textCharset}}"}""");
        Text("SPF", "pass");
        Text("attachments", withAttachment ? "1" : "0");
        if (withAttachment)
        {
            Part("attachment1", [0x25, 0x50, 0x44, 0x46], "offer.pdf");
        }

        body.Write(Encoding.ASCII.GetBytes($"--{Boundary}--\r\n"));
        return body.ToArray();
    }

    [Fact]
    public async Task SendGrid_ParsedFields_DecodesTheDeclaredCharsetAndReadsHeaders()
    {
        InboundWebhookMessage message = await SendGridInboundParser.ParseAsync(SendGridBody(), $"multipart/form-data; boundary={Boundary}");

        Assert.Equal(MessageChannel.Email, message.Channel);
        Assert.Equal("<CAF=abc123@mail.lead.sa>", message.ProviderMessageId);
        Assert.Equal(("fahad@lead.sa", "sales@acme.example", "Fahad Alharbi"), (message.From, message.ReceivingAddress, message.ContactName));
        Assert.Equal("كم السعر؟", message.Text);
        Assert.Equal("Re: عرض Dealix", message.Subject);
        Assert.Equal("<d42@dealix>", message.InReplyTo);
        Assert.Equal(new DateTime(2026, 11, 22, 6, 0, 0, DateTimeKind.Utc), message.SentAt);
        Assert.False(message.IsAutomated);
        Assert.False(message.IsBounce);
    }

    [Theory]
    [InlineData("Auto-Submitted: auto-replied\r\n")]
    [InlineData("Precedence: bulk\r\n")]
    [InlineData("X-Auto-Response-Suppress: All\r\n")]
    public async Task SendGrid_AutomatedMail_IsFlagged(string header)
    {
        InboundWebhookMessage message = await SendGridInboundParser.ParseAsync(SendGridBody(headers: header), $"multipart/form-data; boundary=\"{Boundary}\"");

        Assert.True(message.IsAutomated);
    }

    [Fact]
    public async Task SendGrid_RawMode_ReadsTheMimeMessage()
    {
        string mime = "From: \"Fahad\" <fahad@lead.sa>\r\nTo: sales@acme.example\r\nSubject: price\r\nMessage-ID: <raw-1@lead.sa>\r\n" +
            "Date: Sun, 22 Nov 2026 09:00:00 +0300\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\nكم السعر؟\r\n";
        byte[] body = Encoding.UTF8.GetBytes($"--{Boundary}\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\n{mime}\r\n--{Boundary}--\r\n");

        InboundWebhookMessage message = await SendGridInboundParser.ParseAsync(body, $"multipart/form-data; boundary={Boundary}");

        Assert.Equal(("<raw-1@lead.sa>", "fahad@lead.sa", "كم السعر؟"), (message.ProviderMessageId, message.From, message.Text));
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("multipart/form-data")]
    [InlineData(null)]
    public async Task SendGrid_NotMultipartWithBoundary_IsRefused(string? contentType)
    {
        await Assert.ThrowsAsync<WebhookPayloadException>(() => SendGridInboundParser.ParseAsync(SendGridBody(), contentType));
    }

    [Fact]
    public async Task SendGrid_NoMessageId_IsRefused()
    {
        byte[] body = Encoding.UTF8.GetBytes($"--{Boundary}\r\nContent-Disposition: form-data; name=\"from\"\r\n\r\na@b.sa\r\n--{Boundary}--\r\n");

        await Assert.ThrowsAsync<WebhookPayloadException>(() => SendGridInboundParser.ParseAsync(body, $"multipart/form-data; boundary={Boundary}"));
    }

    [Fact]
    public void Postmark_Json_ReadsTheStrippedReply()
    {
        InboundWebhookMessage message = PostmarkInboundParser.Parse("""
            {"From":"fahad@lead.sa","FromName":"Fahad","FromFull":{"Email":"Fahad@Lead.sa","Name":"Fahad Alharbi","MailboxHash":""},
             "To":"sales+deal-1@acme.example","ToFull":[{"Email":"sales+deal-1@acme.example","Name":"","MailboxHash":"deal-1"}],
             "OriginalRecipient":"sales+deal-1@acme.example","Subject":"Re: offer","MessageID":"73e6d360-66eb-11e1-8e72-a8904824019b",
             "Date":"Sun, 22 Nov 2026 09:00:00 +0300","MailboxHash":"deal-1","TextBody":"stop\n\n> old thread","StrippedTextReply":"stop",
             "Headers":[{"Name":"In-Reply-To","Value":"<d42@dealix>"},{"Name":"X-Spam-Score","Value":"0"}],"Attachments":[]}
            """u8);

        Assert.Equal(("73e6d360-66eb-11e1-8e72-a8904824019b", "fahad@lead.sa", "stop", "<d42@dealix>"),
            (message.ProviderMessageId, message.From, message.Text, message.InReplyTo));
        Assert.Equal(("Fahad Alharbi", "sales+deal-1@acme.example"), (message.ContactName, message.ReceivingAddress));
    }

    [Fact]
    public void Postmark_Bounce_IsFlagged()
    {
        InboundWebhookMessage message = PostmarkInboundParser.Parse("""
            {"FromFull":{"Email":"MAILER-DAEMON@mx.lead.sa"},"MessageID":"b-1","Subject":"Undeliverable","TextBody":"550",
             "Headers":[{"Name":"Content-Type","Value":"multipart/report; report-type=delivery-status; boundary=x"}]}
            """u8);

        Assert.True(message.IsBounce);
    }

    [Theory]
    [InlineData("""{"From":"a@b.sa"}""")]
    [InlineData("""{"MessageID":"x"}""")]
    [InlineData("nope")]
    public void Postmark_MissingSenderOrId_IsRefused(string body)
    {
        Assert.Throws<WebhookPayloadException>(() => PostmarkInboundParser.Parse(Encoding.UTF8.GetBytes(body)));
    }
}
