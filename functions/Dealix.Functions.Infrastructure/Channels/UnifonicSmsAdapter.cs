using System.Net.Http.Headers;
using System.Text.Json;
using Dealix.Functions.Infrastructure.Webhooks;
using Dealix.Orchestrations.Deals.Contracts;
using Microsoft.Extensions.Options;
using Polly;

namespace Dealix.Functions.Infrastructure.Channels;

/// <summary>
/// Sends an SMS through Unifonic (channels.md §5): <c>POST {BaseUrl}/rest/SMS/messages</c>, form fields <c>AppSid</c>,
/// <c>SenderID</c>, <c>Recipient</c> (digits, no <c>+</c>), <c>Body</c>, <c>responseType=JSON</c>, <c>CorrelationID</c> (the
/// draft id). <c>success: true</c> with <c>data.MessageID</c> is sent; <c>success: false</c> is rejected with its error code.
/// </summary>
public sealed class UnifonicSmsAdapter(HttpClient http, IOptions<UnifonicOptions> options) : IChannelAdapter
{
    public const string ProviderName = "unifonic";

    private readonly UnifonicOptions _options = options.Value;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline = ProviderResilience.ForHttp(options.Value.Timeout);

    public string Provider => ProviderName;

    public MessageChannel Channel => MessageChannel.Sms;

    public bool IsConfigured => _options.AppSid.Length > 0;

    public Task<ChannelSendResult> SendAsync(ChannelSendRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsConfigured)
        {
            return Task.FromResult(ChannelSendResult.Rejected(Provider, "not_configured"));
        }

        string digits = new([.. request.To.Where(char.IsAsciiDigit)]);
        var fields = new Dictionary<string, string>
        {
            ["AppSid"] = _options.AppSid,
            ["SenderID"] = _options.SenderId,
            ["Recipient"] = digits.StartsWith("00", StringComparison.Ordinal) ? digits[2..] : digits,
            ["Body"] = request.Text,
            ["responseType"] = "JSON",
            ["CorrelationID"] = request.DraftId,
        };
        string url = $"{_options.BaseUrl.TrimEnd('/')}/rest/SMS/messages";
        return ProviderResilience.SendAsync(_pipeline, Provider, async (probe, token) =>
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, url) { Content = probe.Track(new FormUrlEncodedContent(fields)) };
            message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            return await http.SendAsync(message, token);
        }, ClassifyAsync, cancellationToken);
    }

    private async Task<ChannelSendResult> ClassifyAsync(HttpResponseMessage response)
    {
        int status = (int)response.StatusCode;
        if (status >= 500)
        {
            return ChannelSendResult.Unknown(Provider, $"http_{status}");
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            JsonElement root = document.RootElement;
            if (WhatsAppCloudParser.Str(root, "success") == "true")
            {
                string? id = root.TryGetProperty("data", out JsonElement data) ? WhatsAppCloudParser.Str(data, "MessageID") : null;
                return ChannelSendResult.Sent(Provider, id);
            }

            return ChannelSendResult.Rejected(Provider, WhatsAppCloudParser.Str(root, "errorCode") ?? $"http_{status}");
        }
        catch (JsonException)
        {
            return status is >= 400 and < 500 ? ChannelSendResult.Rejected(Provider, $"http_{status}") : ChannelSendResult.Unknown(Provider, "unreadable_response");
        }
    }
}
