using System.Text;
using Dealix.Functions.Infrastructure.Webhooks;

namespace Dealix.Functions.Infrastructure.Tests.Webhooks;

public sealed class WhatsAppCloudParserTests
{
    // Two entries (two business numbers), one with a text, an image and a button reply, the other with statuses.
    internal const string TwoEntries = """
        {"object":"whatsapp_business_account","entry":[
          {"id":"102290129340398","changes":[{"field":"messages","value":{"messaging_product":"whatsapp",
            "metadata":{"display_phone_number":"966500000000","phone_number_id":"106540352242922"},
            "contacts":[{"profile":{"name":"Fahad"},"wa_id":"966511111111"},{"profile":{"name":"Noura"},"wa_id":"966522222222"}],
            "messages":[
              {"from":"966511111111","id":"wamid.AAA","timestamp":"1749416383","type":"text","text":{"body":"\u0627\u0644\u0633\u0644\u0627\u0645 \u0639\u0644\u064a\u0643\u0645\u060c \u0643\u0645 \u0627\u0644\u0633\u0639\u0631\u061f"}},
              {"from":"966522222222","id":"wamid.BBB","timestamp":"1749416390","type":"image","image":{"id":"m1","mime_type":"image/jpeg","sha256":"x","caption":"look"}},
              {"from":"966522222222","id":"wamid.CCC","timestamp":"1749416395","type":"button","button":{"payload":"p","text":"Yes"},"context":{"from":"966500000000","id":"wamid.OUT"}}
            ]}}]},
          {"id":"102290129340399","changes":[
            {"field":"account_update","value":{"event":"VERIFIED_ACCOUNT"}},
            {"field":"messages","value":{"messaging_product":"whatsapp",
            "metadata":{"display_phone_number":"966500000001","phone_number_id":"106540352242923"},
            "statuses":[
              {"id":"wamid.OUT1","status":"delivered","timestamp":"1749416400","recipient_id":"966511111111","biz_opaque_callback_data":"d123"},
              {"id":"wamid.OUT2","status":"failed","timestamp":"1749416401","recipient_id":"966533333333",
               "errors":[{"code":131047,"title":"Re-engagement message","message":"more than 24 hours"}]}
            ]}}]}
        ]}
        """;

    [Fact]
    public void Parse_TwoEntriesWithMessagesAndStatuses_ReadsEveryOne()
    {
        WebhookBatch batch = WhatsAppCloudParser.Parse(Encoding.UTF8.GetBytes(TwoEntries));

        Assert.Equal(["wamid.AAA", "wamid.BBB", "wamid.CCC"], batch.Messages.Select(m => m.ProviderMessageId));
        InboundWebhookMessage text = batch.Messages[0];
        Assert.Equal(("966511111111", "106540352242922", "text", "Fahad"), (text.From, text.ReceivingAddress, text.Type, text.ContactName));
        Assert.Equal("السلام عليكم، كم السعر؟", text.Text);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1749416383).UtcDateTime, text.SentAt);
        Assert.Null(batch.Messages[1].Text); // an image is kept but carries no text to classify
        Assert.Equal(("Yes", "wamid.OUT"), (batch.Messages[2].Text, batch.Messages[2].InReplyTo));
        Assert.Equal([("wamid.OUT1", "delivered", null), ("wamid.OUT2", "failed", "131047")],
            batch.Statuses.Select(s => (s.ProviderMessageId, s.Status, s.ErrorCode)));
        Assert.Equal("d123", batch.Statuses[0].CallbackData);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"object":"page","entry":[]}""")]
    [InlineData("[]")]
    public void Parse_NotACloudNotification_IsRefused(string body)
    {
        Assert.Throws<WebhookPayloadException>(() => WhatsAppCloudParser.Parse(Encoding.UTF8.GetBytes(body)));
    }

    [Fact]
    public void Parse_MessageWithoutIdOrSender_IsSkipped()
    {
        WebhookBatch batch = WhatsAppCloudParser.Parse("""
            {"object":"whatsapp_business_account","entry":[{"changes":[{"field":"messages","value":{"messages":[{"type":"text","text":{"body":"hi"}}]}}]}]}
            """u8);

        Assert.Empty(batch.Messages);
    }
}
