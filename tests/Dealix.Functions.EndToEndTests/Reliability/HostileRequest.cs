using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using Dealix.Functions.EndToEndTests.Deals;
using Dealix.Functions.EndToEndTests.Infrastructure;

namespace Dealix.Functions.EndToEndTests.Reliability;

/// <summary>One generated request to the running app: what it is (for the failure message) and how to send it.</summary>
public sealed record HostileRequest(string Label, string Method, string Path, byte[]? Body, string? ContentType, IReadOnlyList<(string Name, string Value)> Headers)
{
    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), Path);
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            if (ContentType is not null && MediaTypeHeaderValue.TryParse(ContentType, out MediaTypeHeaderValue? type))
            {
                message.Content.Headers.ContentType = type;
            }
            else if (ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        foreach ((string name, string value) in Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        return message;
    }

    public override string ToString()
    {
        string body = Body is null ? "(none)" : Body.Length > 160 ? $"{Body.Length} bytes: {Printable(Body[..160])}…" : Printable(Body);
        return $"{Label}: {Method} {Path} [{ContentType}] {string.Join(", ", Headers.Select(h => $"{h.Name}={h.Value}"))} body {body}";
    }

    private static string Printable(byte[] bytes) => string.Concat(Encoding.UTF8.GetString(bytes).Select(c => c is < ' ' or > '~' ? $"\\u{(int)c:x4}" : c.ToString()));
}

/// <summary>
/// Generators of hostile requests (issue 15 item 4). Two families:
/// <list type="bullet">
/// <item><see cref="Refused"/>: requests that must be refused whatever their body — no key, a wrong or another tenant's
/// key, a webhook without its signature or secret, a forged or tampered token, a body over the limit, a body that is not
/// the JSON a route requires. They must get a clear 4xx and leave storage exactly as it was.</item>
/// <item><see cref="Authentic"/>: correctly signed or keyed requests whose bodies are mangled: wrong types, missing or
/// extra fields, unicode edge cases, deep nesting, random bytes, multipart junk. They may be accepted or refused, but
/// never with a 5xx, and a refusal is a clear 4xx that stores nothing.</item>
/// </list>
/// </summary>
public sealed class HostileRequests(string tenant, string operatorKey, string otherTenantKey, string whatsAppSecret, string phoneNumberId, string emailSecret)
{
    /// <summary>Strings that break naive code: control characters, bidi overrides, lone surrogates, huge numbers, injection.</summary>
    private static readonly string[] Nasty =
    [
        "", " ", "\0", "\u202e\u0627\u0644\u0633\u0639\u0631", "\ud800", "\udfff", "\ufeff", "\u200b\u200d", "𝕯𝖊𝖆𝖑", "😀👍🏽", "عاجل!!! urgent",
        "' OR 1=1 --", "<script>alert(1)</script>", "{{7*7}}", "${jndi:ldap://x}", "../../etc/passwd", "%00%ff", "\\u0000",
        "1e309", "-0", "NaN", "9223372036854775808", "null", "true", "[]", "{}", new string('ب', 5000), new string('x', 70_000),
    ];

    private static readonly string[] ContentTypes =
    [
        "application/json", "application/json; charset=utf-8", "text/plain", "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=xyz", "multipart/form-data", "application/xml", "application/json; charset=latin1", "",
        "garbage/;;;", "application/problem+json",
    ];

    private static readonly Gen<string> NastyString = Gen.OneOf(Gen.OneOf(Nasty), Gen.String[0, 64], Gen.String.AlphaNumeric);

    /// <summary>Bytes that are not the JSON object a route wants: noise, invalid UTF-8, truncated or deeply nested JSON, scalars.</summary>
    private static readonly Gen<byte[]> JunkBody = Gen.OneOf(
        Gen.Byte.Array[1, 512].Where(b => b.Any(x => x > ' ')),
        Gen.OneOf(
            "{", "}", "{\"a\":", "[", "[[[[[[[[[[", "\"just a string\"", "42", "true", "null", "{\"a\":1,}", "{'single':'quotes'}",
            "{\"a\":\"\\ud800\"", "\u0000\u0001", "<xml/>", "a=b&c=d", "--xyz\r\nContent-Disposition: form-data\r\n\r\n--xyz--",
            string.Concat(Enumerable.Repeat("[", 5000)) + string.Concat(Enumerable.Repeat("]", 5000)),
            string.Concat(Enumerable.Repeat("{\"a\":", 3000)) + "1" + string.Concat(Enumerable.Repeat("}", 3000))).Select(Encoding.UTF8.GetBytes),
        Gen.Select(Gen.Byte[0x80, 0xff].Array[1, 40], Gen.Byte[0x20, 0x7e].Array[0, 40], (bad, good) => (byte[])[(byte)'{', .. good, .. bad, (byte)'}']));

    /// <summary>A JSON object with fields the routes use, each of a random (often wrong) type.</summary>
    private static readonly Gen<string> MangledObject = Gen.Select(
        Gen.OneOf(
            "text", "from", "customer_id", "ticket_id", "event_type", "priority", "occurred_at", "reviewer", "reason_code", "bundle", "limit",
            "subject", "body", "incident_id", "title", "affected_customers", "connector_id", "state", "step_id", "values", "prospects", "events",
            "channel", "address", "outcome", "edited_text", "has_data_leak", "uptime_percent_7d", "drafts_pending", "tenant").Array[0, 8],
        Gen.OneOf(
            NastyString.Select(s => System.Text.Json.JsonSerializer.Serialize(s)),
            Gen.Long.Select(l => l.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Gen.Double.Select(d => double.IsFinite(d) ? d.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : "1e400"),
            Gen.OneOf("null", "true", "false", "[]", "{}", "[null]", "[{\"text\":1}]", "{\"goal\":[1,2]}", "\"P9\"", "\"2026-02-30T25:61:00Z\"", "-1", "1e999")).Array[8],
        (names, values) => "{" + string.Join(",", names.Select((n, i) => $"\"{n}\":{values[i]}")) + "}");

    public Gen<HostileRequest> Refused => Gen.OneOf(
        OperatorRoute(Gen.OneOf<string?>(null, "wrong-key", "", "e2e-operator-key-nobody", otherTenantKey), junkOrValidBody: true),
        OperatorRouteWithBadBody,
        Gen.Select(Gen.OneOf(JunkBody, MangledObject.Select(Encoding.UTF8.GetBytes), Gen.Const(WhatsAppMessage("966500000009", "wamid.FUZZ", "كم السعر؟"))),
            Gen.OneOf(Gen.Byte.Array[32].Select(b => (string?)("sha256=" + Convert.ToHexStringLower(b))),
                Gen.OneOf<string?>(null, "sha256=", "sha1=abc", "garbage", "sha256=zz", "SHA256=" + new string('0', 64))),
            Gen.OneOf(ContentTypes),
            (body, signature, type) => WhatsApp("whatsapp: bad signature", body, signature, type)),
        Gen.Select(Gen.Int[1, 4], sign => WhatsApp("whatsapp: over the limit", new byte[TestApp.MaxBodyBytes + (sign * 1000)], null, "application/json")),
        Gen.Select(JunkBody, Gen.OneOf<string?>(null, "", "wrong", emailSecret + "x", emailSecret.ToUpperInvariant()), Gen.OneOf(ContentTypes),
            (body, secret, type) => new HostileRequest("email: bad secret", "POST", "/api/v1/webhooks/email" + (secret is null ? string.Empty : "?secret=" + Uri.EscapeDataString(secret)), body, type, [])),
        Gen.Select(NastyString, Gen.OneOf("GET", "POST"),
            (token, method) => new HostileRequest("unsubscribe: forged", method, "/api/v1/unsubscribe/" + Uri.EscapeDataString(token.Length == 0 ? "x" : token), null, null, [])),
        Gen.Select(NastyString, Gen.String.AlphaNumeric,
            (token, draft) => new HostileRequest("callback: forged", "POST",
                $"/api/v1/approval-center/{Uri.EscapeDataString(draft.Length == 0 ? "d" : draft)}/callback?tenant={tenant}&token={Uri.EscapeDataString(token)}", null, null, [])),
        Gen.Select(NastyString, NastyString,
            (verify, challenge) => new HostileRequest("whatsapp: verification", "GET",
                $"/api/v1/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token={Uri.EscapeDataString(verify + "-wrong")}&hub.challenge={Uri.EscapeDataString(challenge)}", null, null, [])));

    public Gen<HostileRequest> Authentic => Gen.OneOf(
        Gen.Select(Gen.OneOf(JunkBody, MangledObject.Select(Encoding.UTF8.GetBytes), MangledWhatsApp), Gen.OneOf(ContentTypes),
            (body, type) => WhatsApp("whatsapp: signed junk", body, Sign(body), type)),
        Gen.Select(Gen.OneOf(JunkBody, MangledObject.Select(Encoding.UTF8.GetBytes), MangledPostmark), Gen.OneOf(ContentTypes),
            (body, type) => new HostileRequest("email: junk with the secret", "POST", "/api/v1/webhooks/email?secret=" + Uri.EscapeDataString(emailSecret), body, type, [])),
        OperatorRoute(Gen.Const<string?>(operatorKey), junkOrValidBody: true));

    /// <summary>A WhatsApp Cloud API payload with one part replaced by something of the wrong shape.</summary>
    private Gen<byte[]> MangledWhatsApp => Gen.Select(
        Gen.OneOf("object", "entry", "changes", "field", "value", "messaging_product", "metadata", "phone_number_id", "contacts", "messages",
            "from", "id", "timestamp", "type", "text", "body"),
        Gen.OneOf("null", "1", "\"\"", "[]", "{}", "\"\\u0000\"", "[[]]", "\"" + new string('z', 4096) + "\"", "-1", "\"image\"", "\"" + phoneNumberId + "\""),
        NastyString,
        Gen.Long[966_500_000_000, 966_599_999_999],
        (part, replacement, text, phone) =>
        {
            // The message id stays unique per case so that a mangled copy is never taken for a redelivery.
            byte[] original = WhatsAppMessage(phone.ToString(System.Globalization.CultureInfo.InvariantCulture), "wamid.F" + Guid.NewGuid().ToString("N")[..12], text);
            JsonNode message;
            try
            {
                message = JsonNode.Parse(original)!;
            }
            catch (System.Text.Json.JsonException)
            {
                return original; // a lone surrogate in the text: System.Text.Json will not load it, the app must refuse it
            }

            if (FirstObjectWith(message, part) is { } owner)
            {
                owner[part] = JsonNode.Parse(replacement);
            }

            return Encoding.UTF8.GetBytes(message.ToJsonString());
        });

    /// <summary>The first object, depth first, that has a property named <paramref name="name"/>.</summary>
    private static JsonObject? FirstObjectWith(JsonNode? node, string name) => node switch
    {
        JsonObject o when o.ContainsKey(name) => o,
        JsonObject o => o.Select(p => FirstObjectWith(p.Value, name)).FirstOrDefault(found => found is not null),
        JsonArray a => a.Select(item => FirstObjectWith(item, name)).FirstOrDefault(found => found is not null),
        _ => null,
    };

    private static Gen<byte[]> MangledPostmark => Gen.Select(NastyString, NastyString, NastyString, Gen.OneOf("FromFull", "From", "To", "OriginalRecipient", "Subject", "TextBody", "MessageID", "Headers"),
        Gen.OneOf("null", "1", "[]", "{}", "\"\"", "[{\"Name\":1}]"),
        (from, subject, text, part, replacement) =>
        {
            var fields = new Dictionary<string, string>
            {
                ["FromFull"] = $"{{\"Email\":{System.Text.Json.JsonSerializer.Serialize(from + "@example.com")},\"Name\":\"x\"}}",
                ["From"] = System.Text.Json.JsonSerializer.Serialize(from),
                ["To"] = "\"sales@acme.example\"",
                ["OriginalRecipient"] = "\"sales@acme.example\"",
                ["Subject"] = System.Text.Json.JsonSerializer.Serialize(subject),
                ["TextBody"] = System.Text.Json.JsonSerializer.Serialize(text),
                ["MessageID"] = System.Text.Json.JsonSerializer.Serialize("fuzz-" + Guid.NewGuid().ToString("N")),
                ["Headers"] = "[]",
            };
            fields[part] = replacement;
            return Encoding.UTF8.GetBytes("{" + string.Join(",", fields.Select(f => $"\"{f.Key}\":{f.Value}")) + "}");
        });

    private Gen<HostileRequest> OperatorRouteWithBadBody => Gen.Select(
        Gen.OneOf(TenantIsolationTests.Routes.Where(r => r.Body is not null && r.Method != "GET").ToArray()), JunkBody, Gen.OneOf("application/json", "text/plain", "application/xml"),
        (route, body, type) => new HostileRequest($"operator {route.Name}: not a JSON object", route.Method, Fill(route.Path, "d-missing", "t-missing"), body, type,
            [("x-functions-key", operatorKey), ("X-Tenant-Id", tenant)]));

    private Gen<HostileRequest> OperatorRoute(Gen<string?> key, bool junkOrValidBody) => Gen.Select(
        Gen.OneOf(TenantIsolationTests.Routes.ToArray()),
        key,
        Gen.Select(Gen.Bool, MangledObject, (mangle, m) => mangle ? m : null),
        Gen.OneOf(NastyString, Gen.String.AlphaNumeric),
        Gen.Bool,
        (route, k, mangled, id, tenantInQuery) =>
        {
            string? body = junkOrValidBody ? mangled ?? route.Body : route.Body;
            string path = Fill(route.Path, id.Length == 0 ? "d" : id, id.Length == 0 ? "t" : id);
            var headers = new List<(string, string)>();
            if (k is not null)
            {
                headers.Add(("x-functions-key", k));
            }

            if (tenantInQuery)
            {
                path += (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "tenant=" + tenant;
            }
            else
            {
                headers.Add(("X-Tenant-Id", tenant));
            }

            string label = k == operatorKey ? $"operator {route.Name}: mangled" : $"operator {route.Name}: key '{k}'";
            return new HostileRequest(label, route.Method, path, body is null ? null : Encoding.UTF8.GetBytes(body), body is null ? null : "application/json", headers);
        });

    private static string Fill(string path, string draft, string task) =>
        path.Replace("{draft}", Uri.EscapeDataString(draft), StringComparison.Ordinal).Replace("{task}", Uri.EscapeDataString(task), StringComparison.Ordinal);

    private static HostileRequest WhatsApp(string label, byte[] body, string? signature, string contentType) =>
        new(label, "POST", "/api/v1/webhooks/whatsapp", body, contentType, signature is null ? [] : [("X-Hub-Signature-256", signature)]);

    public byte[] WhatsAppMessage(string from, string messageId, string text) => Encoding.UTF8.GetBytes(
        "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"field\":\"messages\",\"value\":{" +
        "\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"966500000000\",\"phone_number_id\":\"" + phoneNumberId + "\"}," +
        "\"contacts\":[{\"profile\":{\"name\":\"Lead\"},\"wa_id\":\"" + from + "\"}],\"messages\":[{\"from\":\"" + from + "\",\"id\":\"" + messageId + "\"," +
        "\"timestamp\":\"1764806400\",\"type\":\"text\",\"text\":{\"body\":" + System.Text.Json.JsonSerializer.Serialize(text) + "}}]}}]}]}");

    public string Sign(byte[] body) => "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(whatsAppSecret), body));
}
