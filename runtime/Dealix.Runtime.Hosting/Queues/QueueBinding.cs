using System.Reflection;
using System.Text;
using System.Text.Json;
using Azure.Storage.Queues.Models;
using Dealix.Runtime.Hosting.Invocation;

namespace Dealix.Runtime.Hosting.Queues;

/// <summary>Converts a queue message body to the trigger parameter's type, and its metadata to binding data.</summary>
internal static class QueueBinding
{
    /// <summary>The value for the trigger parameter: string, byte[], BinaryData, the SDK message, or JSON into a type.</summary>
    public static object? Convert(ParameterInfo parameter, string body, QueueMessage? message)
    {
        Type type = parameter.ParameterType;
        if (type == typeof(string))
        {
            return body;
        }

        if (type == typeof(byte[]))
        {
            return Encoding.UTF8.GetBytes(body);
        }

        if (type == typeof(BinaryData))
        {
            return BinaryData.FromString(body);
        }

        if (type == typeof(QueueMessage))
        {
            return message ?? throw new TriggerBindingException($"Parameter '{parameter.Name}' asks for the SDK QueueMessage, which this invocation does not carry.");
        }

        try
        {
            return JsonSerializer.Deserialize(body, type, WebJsonDataConverter.Options);
        }
        catch (JsonException e)
        {
            throw new TriggerBindingException($"The queue message is not JSON of type {type.Name}: {e.Message}", e);
        }
    }

    /// <summary>Metadata of a received message, under the names Functions uses.</summary>
    public static Dictionary<string, object?> Metadata(QueueMessage message, string body) => new(StringComparer.OrdinalIgnoreCase)
    {
        ["QueueTrigger"] = body,
        ["DequeueCount"] = message.DequeueCount,
        ["Id"] = message.MessageId,
        ["PopReceipt"] = message.PopReceipt,
        ["InsertionTime"] = message.InsertedOn,
        ["ExpirationTime"] = message.ExpiresOn,
        ["NextVisibleTime"] = message.NextVisibleOn,
    };

    /// <summary>Decodes a body per host.json <c>extensions.queues.messageEncoding</c>; null when it is not valid base64.</summary>
    public static string? Decode(string raw, string encoding)
    {
        if (encoding != "base64")
        {
            return raw;
        }

        try
        {
            return Encoding.UTF8.GetString(System.Convert.FromBase64String(raw));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
