namespace Dealix.DurableTask;

/// <summary>Turns inputs, outputs and event payloads into the strings stored in history, and back.</summary>
public abstract class DataConverter
{
    /// <summary>Serializes a value (null stays null).</summary>
    public abstract string? Serialize(object? value);

    /// <summary>Deserializes a stored value (null stays null).</summary>
    public abstract object? Deserialize(string? data, Type targetType);

    /// <summary>Deserializes a stored value.</summary>
    public T? Deserialize<T>(string? data) => (T?)Deserialize(data, typeof(T));
}
