using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace KnowRec.Evaluation;

/// <summary>Reads and writes metric dictionaries as JSON objects in key order, keeping that order when reading back.</summary>
/// <remarks>
/// The built-in converter reads into a <see cref="Dictionary{TKey, TValue}"/>, whose enumeration order is not
/// guaranteed; reports promise a stable key order, so this reads into an <see cref="OrderedDictionary{TKey, TValue}"/>.
/// Non-finite values, which plain JSON numbers cannot hold, are written as the strings "NaN", "Infinity", "-Infinity".
/// </remarks>
internal sealed class MetricDictionaryJsonConverter : JsonConverter<IReadOnlyDictionary<string, double>>
{
    public override IReadOnlyDictionary<string, double> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A metric dictionary must be a JSON object.");
        }

        var metrics = new OrderedDictionary<string, double>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            string key = reader.GetString() ?? throw new JsonException("A metric needs a name.");
            reader.Read();
            double value = reader.TokenType switch
            {
                JsonTokenType.Number => reader.GetDouble(),
                JsonTokenType.String => double.Parse(reader.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture),
                _ => throw new JsonException($"Metric '{key}' must be a number."),
            };
            if (!metrics.TryAdd(key, value))
            {
                throw new JsonException($"Metric '{key}' appears twice.");
            }
        }

        return metrics;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, double> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (key, metric) in value)
        {
            writer.WritePropertyName(key);
            if (double.IsFinite(metric))
            {
                writer.WriteNumberValue(metric);
            }
            else
            {
                writer.WriteStringValue(metric.ToString(CultureInfo.InvariantCulture));
            }
        }

        writer.WriteEndObject();
    }
}
