using System.Text.Json;
using Dealix.Functions.Infrastructure.Webhooks;
using Dealix.Orchestrations.Deals.Contracts;
using Microsoft.Extensions.Options;
using Polly;

namespace Dealix.Functions.Infrastructure.Channels;

/// <summary>
/// Sends a WhatsApp text through Ultramsg (channels.md §2.1): <c>POST {BaseUrl}/{instance}/messages/chat</c>, form fields
/// <c>token</c>, <c>to</c>, <c>body</c> and <c>referenceId</c> (the draft id). <c>{"sent":"true",…}</c> is sent; an
/// <c>error</c> answer or a 4xx is rejected; anything else is unknown.
/// </summary>
public sealed class UltramsgAdapter(HttpClient http, IOptions<UltramsgOptions> options) : IChannelAdapter
{
    public const string ProviderName = UltramsgParser.Provider;

    private readonly UltramsgOptions _options = options.Value;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline = ProviderResilience.ForHttp(options.Value.Timeout);

    public string Provider => ProviderName;

    public MessageChannel Channel => MessageChannel.WhatsApp;

    public bool IsConfigured => _options.InstanceId.Length > 0 && _options.Token.Length > 0;

    public Task<ChannelSendResult> SendAsync(ChannelSendRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsConfigured)
        {
            return Task.FromResult(ChannelSendResult.Rejected(Provider, "not_configured"));
        }

        string url = $"{_options.BaseUrl.TrimEnd('/')}/{Uri.EscapeDataString(_options.InstanceId)}/messages/chat";
        var fields = new Dictionary<string, string>
        {
            ["token"] = _options.Token,
            ["to"] = "+" + new string([.. request.To.Split('@')[0].Where(char.IsAsciiDigit)]),
            ["body"] = request.Text,
            ["referenceId"] = request.DraftId,
        };
        return ProviderResilience.SendAsync(_pipeline, Provider, async (probe, token) =>
        {
            using HttpContent content = probe.Track(new FormUrlEncodedContent(fields));
            return await http.PostAsync(url, content, token);
        }, ClassifyAsync, cancellationToken);
    }

    private async Task<ChannelSendResult> ClassifyAsync(HttpResponseMessage response)
    {
        int status = (int)response.StatusCode;
        if (status is >= 400 and < 500)
        {
            return ChannelSendResult.Rejected(Provider, $"http_{status}");
        }

        if (status >= 500)
        {
            return ChannelSendResult.Unknown(Provider, $"http_{status}");
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            JsonElement root = document.RootElement;
            if (WhatsAppCloudParser.Str(root, "sent") == "true")
            {
                return ChannelSendResult.Sent(Provider, WhatsAppCloudParser.Str(root, "id"));
            }

            return root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out _)
                ? ChannelSendResult.Rejected(Provider, "provider_error")
                : ChannelSendResult.Unknown(Provider, "not_confirmed");
        }
        catch (JsonException)
        {
            return ChannelSendResult.Unknown(Provider, "unreadable_response");
        }
    }
}
