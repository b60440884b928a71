using System.Text.Json;

namespace KnowRec.Data.Readers;

/// <summary>The fields KnowRec uses from one Amazon review JSON object.</summary>
internal readonly record struct AmazonReview(string User, string Item, float Rating, long Timestamp, string? Summary, string? Text)
{
    /// <summary>Parses one JSON line with <see cref="Utf8JsonReader"/>, skipping fields it does not use; on failure says why.</summary>
    public static bool TryParse(ReadOnlySpan<byte> json, out AmazonReview review, out string? problem)
    {
        review = default;
        string? user = null, item = null, summary = null, text = null;
        float? rating = null;
        long timestamp = Interaction.NoTimestamp;
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                problem = "line is not a JSON object";
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                string name = reader.GetString()!;
                reader.Read();
                switch (name)
                {
                    case "reviewerID":
                        user = ReadText(ref reader);
                        break;
                    case "asin":
                        item = ReadText(ref reader);
                        break;
                    case "summary":
                        summary = ReadText(ref reader);
                        break;
                    case "reviewText":
                        text = ReadText(ref reader);
                        break;
                    case "overall":
                        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetSingle(out float value) || !float.IsFinite(value))
                        {
                            problem = $"non-numeric value '{Raw(ref reader)}' in field overall";
                            return false;
                        }

                        rating = value;
                        break;
                    case "unixReviewTime":
                        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out timestamp))
                        {
                            problem = $"non-numeric value '{Raw(ref reader)}' in field unixReviewTime";
                            return false;
                        }

                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
        }
        catch (JsonException e)
        {
            problem = $"invalid JSON: {e.Message}";
            return false;
        }

        string? missing = string.IsNullOrWhiteSpace(user) ? "reviewerID" : string.IsNullOrWhiteSpace(item) ? "asin" : rating is null ? "overall" : null;
        if (missing is not null)
        {
            problem = $"missing field {missing}";
            return false;
        }

        review = new AmazonReview(user!, item!, rating!.Value, timestamp, summary, text);
        problem = null;
        return true;
    }

    private static string? ReadText(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }

        reader.Skip();
        return null;
    }

    private static string Raw(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            reader.Skip();
            return "(object)";
        }

        return System.Text.Encoding.UTF8.GetString(reader.ValueSpan);
    }
}
