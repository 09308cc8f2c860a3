using Dealix.Functions.Infrastructure.Webhooks;

namespace Dealix.Functions.Infrastructure.Tests.Webhooks;

public sealed class UltramsgParserTests
{
    [Fact]
    public void Parse_MessageReceived_IsAnInboundMessage()
    {
        WebhookBatch batch = UltramsgParser.Parse("""
            {"event_type":"message_received","instanceId":"1150","id":"","referenceId":"",
             "data":{"id":"false_966511111111@c.us_3EB02E5EB89CE03FB034","from":"966511111111@c.us","to":"966500000000@c.us",
              "author":"","pushname":"Fahad","ack":"","type":"chat","body":"كم السعر؟","media":"","fromMe":false,
              "isForwarded":false,"isMentioned":false,"quotedMsg":{},"mentionedIds":[],"time":1650002663}}
            """u8);

        InboundWebhookMessage message = Assert.Single(batch.Messages);
        Assert.Equal(("false_966511111111@c.us_3EB02E5EB89CE03FB034", "966511111111@c.us", "كم السعر؟", "Fahad"),
            (message.ProviderMessageId, message.From, message.Text, message.ContactName));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1650002663).UtcDateTime, message.SentAt);
    }

    [Fact]
    public void Parse_OwnMessageEcho_IsIgnored()
    {
        WebhookBatch batch = UltramsgParser.Parse("""
            {"event_type":"message_received","instanceId":"1150","data":{"id":"true_1","from":"966500000000@c.us","type":"chat","body":"hi","fromMe":true,"time":1}}
            """u8);

        Assert.Empty(batch.Messages);
    }

    [Fact]
    public void Parse_GroupMessageAndMedia_AreHandled()
    {
        Assert.Empty(UltramsgParser.Parse("""{"event_type":"message_received","data":{"id":"g1","from":"1203@g.us","type":"chat","body":"hi","fromMe":false}}"""u8).Messages);
        InboundWebhookMessage image = Assert.Single(UltramsgParser.Parse("""{"event_type":"message_received","data":{"id":"i1","from":"966511111111@c.us","type":"image","body":"","fromMe":false}}"""u8).Messages);
        Assert.Null(image.Text);
    }

    [Fact]
    public void Parse_Ack_IsADeliveryStatus()
    {
        DeliveryStatusUpdate status = Assert.Single(UltramsgParser.Parse("""
            {"event_type":"message_ack","referenceId":"d42","data":{"id":"true_966511111111@c.us_X","to":"966511111111@c.us","ack":"read","fromMe":true,"time":1650002700}}
            """u8).Statuses);

        Assert.Equal(("read", "d42"), (status.Status, status.CallbackData));
    }

    [Fact]
    public void Parse_NotUltramsg_IsRefused()
    {
        Assert.Throws<WebhookPayloadException>(() => UltramsgParser.Parse("""{"object":"whatsapp_business_account"}"""u8));
    }
}
