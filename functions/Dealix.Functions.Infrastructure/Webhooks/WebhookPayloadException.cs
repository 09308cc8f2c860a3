namespace Dealix.Functions.Infrastructure.Webhooks;

/// <summary>A webhook body that cannot be read (answered 400 with the reason; nothing is stored).</summary>
public sealed class WebhookPayloadException : Exception
{
    public WebhookPayloadException()
    {
    }

    public WebhookPayloadException(string message)
        : base(message)
    {
    }

    public WebhookPayloadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
