using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dealix.Functions.Infrastructure.Webhooks;
using Dealix.Orchestrations.Deals.Contracts;
using Microsoft.Extensions.Options;
using Polly;

namespace Dealix.Functions.Infrastructure.Channels;

/// <summary>
/// Sends a free-form text through the WhatsApp Cloud API (channels.md §1.6):
/// <c>POST {GraphBaseUrl}/{version}/{phone-number-id}/messages</c> with a bearer token and
/// <c>{"messaging_product":"whatsapp","recipient_type":"individual","to":…,"type":"text","text":{"preview_url":false,"body":…}}</c>.
/// 200 with <c>messages[0].id</c> is sent; 4xx is rejected (e.g. 131047 outside the 24-hour window); 5xx, timeouts and
/// dropped connections are unknown.
/// </summary>
public sealed class WhatsAppCloudAdapter(HttpClient http, IOptions<WhatsAppOptions> options) : IChannelAdapter
{
    public const string ProviderName = WhatsAppCloudParser.Provider;

    private static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly WhatsAppOptions _options = options.Value;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline = ProviderResilience.ForHttp(options.Value.Timeout);

    public string Provider => ProviderName;

    public MessageChannel Channel => MessageChannel.WhatsApp;

    public bool IsConfigured => _options.PhoneNumberId.Length > 0 && _options.AccessToken.Length > 0;

    public Task<ChannelSendResult> SendAsync(ChannelSendRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsConfigured)
        {
            return Task.FromResult(ChannelSendResult.Rejected(Provider, "not_configured"));
        }

        string url = $"{_options.GraphBaseUrl.TrimEnd('/')}/{_options.GraphVersion}/{Uri.EscapeDataString(_options.PhoneNumberId)}/messages";
        byte[] body = request.Template is { } template ? TemplateBody(request.To, template) : Body(request.To, request.Text);
        return ProviderResilience.SendAsync(_pipeline, Provider, async (probe, token) =>
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, url) { Content = probe.Track(new ByteArrayContent(body)) };
            message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.AccessToken);
            return await http.SendAsync(message, token);
        }, ClassifyAsync, cancellationToken);
    }

    /// <summary>The exact request body of a text message.</summary>
    public static byte[] Body(string to, string text)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Writer))
        {
            json.WriteStartObject();
            json.WriteString("messaging_product", "whatsapp");
            json.WriteString("recipient_type", "individual");
            json.WriteString("to", new string([.. to.Where(char.IsAsciiDigit)]));
            json.WriteString("type", "text");
            json.WriteStartObject("text");
            json.WriteBoolean("preview_url", false);
            json.WriteString("body", text);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// The exact request body of a template message (channels.md §1.6):
    /// <c>{"messaging_product":"whatsapp","to":…,"type":"template","template":{"name":…,"language":{"code":…},
    /// "components":[{"type":"body","parameters":[{"type":"text","text":…},…]}]}}</c>; no components without parameters.
    /// </summary>
    public static byte[] TemplateBody(string to, WhatsAppTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Writer))
        {
            json.WriteStartObject();
            json.WriteString("messaging_product", "whatsapp");
            json.WriteString("to", new string([.. to.Where(char.IsAsciiDigit)]));
            json.WriteString("type", "template");
            json.WriteStartObject("template");
            json.WriteString("name", template.Name);
            json.WriteStartObject("language");
            json.WriteString("code", template.Language);
            json.WriteEndObject();
            if (template.Parameters.Count > 0)
            {
                json.WriteStartArray("components");
                json.WriteStartObject();
                json.WriteString("type", "body");
                json.WriteStartArray("parameters");
                foreach (string parameter in template.Parameters)
                {
                    json.WriteStartObject();
                    json.WriteString("type", "text");
                    json.WriteString("text", parameter);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteEndArray();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private async Task<ChannelSendResult> ClassifyAsync(HttpResponseMessage response)
    {
        string content = await response.Content.ReadAsStringAsync();
        int status = (int)response.StatusCode;
        if (status is >= 200 and < 300)
        {
            try
            {
                using JsonDocument document = JsonDocument.Parse(content);
                string? id = WhatsAppCloudParser.Array(document.RootElement, "messages").Select(m => WhatsAppCloudParser.Str(m, "id")).FirstOrDefault();
                return id is null ? ChannelSendResult.Unknown(Provider, "no_message_id") : ChannelSendResult.Sent(Provider, id);
            }
            catch (JsonException)
            {
                return ChannelSendResult.Unknown(Provider, "unreadable_response");
            }
        }

        if (status is >= 400 and < 500)
        {
            return ChannelSendResult.Rejected(Provider, $"http_{status}:{ErrorCode(content)}");
        }

        return ChannelSendResult.Unknown(Provider, $"http_{status}");
    }

    private static string ErrorCode(string content)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(Encoding.UTF8.GetBytes(content));
            return document.RootElement.TryGetProperty("error", out JsonElement error) ? WhatsAppCloudParser.Str(error, "code") ?? "error" : "error";
        }
        catch (JsonException)
        {
            return "error";
        }
    }
}
