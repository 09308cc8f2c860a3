using System.Text.RegularExpressions;

namespace Dealix.Orchestrations.Common.Text;

/// <summary>
/// Removes the lines a mail or messaging client appends on its own ("Sent from my iPhone", "Get Outlook for
/// Android", «أرسلت من جوالي») before a learned model reads a message: they say nothing about what the sender means,
/// yet their "sent" and "from" look like the words of an opt-out or a complaint. Only the models read the stripped
/// text; the opt-out rules always read the whole message.
/// </summary>
public static partial class MailSignature
{
    /// <summary>The text without client signature lines; the text itself when it has none.</summary>
    public static string Strip(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        string stripped = SignatureLine().Replace(text, string.Empty);
        return stripped.Length == text.Length ? text : stripped.Trim();
    }

    // A whole line, or the tail of a line after the sender's own words ("Sounds good. Sent from my iPhone"). Arabic
    // forms must name a device or an app, so «أرسلت من قبل طلب» (I sent a request before) is never touched.
    [GeneratedRegex(
        @"(?im)(?:^|(?<=[.!?؟،,]\s*))[\s\-–—_]*(?:"
        + @"sent\s+from\s+my\s+[\p{L}\p{N}'’\-]+(?:\s+[\p{L}\p{N}'’\-]+){0,3}"
        + @"|sent\s+(?:from|with|via)\s+(?:mail|yahoo\s+mail|gmail|outlook|spark|proton\s*mail|samsung\s+email|blackberry|aol)\b(?:\s+for\s+[\p{L}\p{N}]+(?:\s+[\p{L}\p{N}]+)?)?"
        + @"|get\s+outlook\s+for\s+(?:ios|android|windows|mac)"
        + @"|(?:تم\s+)?(?:أرسلت|ارسلت|أُرسلت|مرسل|مرسلة|الإرسال|الارسال|إرسال|ارسال)\s+(?:من|عبر|بواسطة)\s+"
        + @"(?:جوالي|الجوال|جوال\s+\S+|هاتفي|الهاتف|الآيفون|الايفون|آيفون|ايفون|أيفون|iphone|جهازي|جهاز\s+\S+|تطبيق\s+\S+|outlook|gmail)"
        + @")[\s.]*$")]
    private static partial Regex SignatureLine();
}
