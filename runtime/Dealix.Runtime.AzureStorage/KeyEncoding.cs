using System.Globalization;
using System.Text;

namespace Dealix.Runtime.AzureStorage;

/// <summary>
/// Escapes ids for table keys and blob names: '/', '\', '#', '?', '%' and control characters are not allowed in
/// PartitionKey/RowKey, so they become %XX. Escaping whole characters keeps prefixes prefixes.
/// </summary>
internal static class KeyEncoding
{
    public static string Encode(string value)
    {
        StringBuilder? sb = null;
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            bool escape = c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c);
            if (escape)
            {
                sb ??= new StringBuilder(value, 0, i, value.Length + 8);
                sb.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                sb?.Append(c);
            }
        }

        return sb?.ToString() ?? value;
    }

    public static string Decode(string value)
    {
        if (!value.Contains('%', StringComparison.Ordinal))
        {
            return value;
        }

        var sb = new StringBuilder(value.Length);
        for (int i = 0; i < value.Length; i++)
        {
            if (value[i] == '%' && i + 2 < value.Length)
            {
                sb.Append((char)int.Parse(value.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 2;
            }
            else
            {
                sb.Append(value[i]);
            }
        }

        return sb.ToString();
    }

    /// <summary>The smallest string greater than every string starting with <paramref name="prefix"/> (for range queries).</summary>
    public static string PrefixUpperBound(string prefix)
    {
        char last = prefix[^1];
        return last == char.MaxValue ? prefix + char.MaxValue : prefix[..^1] + (char)(last + 1);
    }
}
