namespace KnowRec.Features.Text.Onnx;

/// <summary>Sentence vector = mean of the token vectors under the attention mask, scaled to unit length.</summary>
/// <remarks>
/// Sentence-BERT's MEAN pooling (Reimers and Gurevych 2019, §3): u = Σₜ mₜ hₜ / Σₜ mₜ over the last hidden states hₜ with
/// attention mask mₜ, followed by sentence-transformers' Normalize module u / max(‖u‖₂, 1e-12), so that cosine similarity
/// is a dot product. Sums run in double, in token order, so a text's vector does not depend on its batch.
/// </remarks>
internal static class MeanPooling
{
    private const double NormFloor = 1e-12;

    /// <summary>Pools row <paramref name="row"/> of a [batch, sequence, hidden] tensor whose first <paramref name="length"/> tokens are real.</summary>
    public static float[] Pool(ReadOnlySpan<float> states, int row, int sequence, int hidden, int length)
    {
        var sum = new double[hidden];
        int count = Math.Min(length, sequence);
        for (int t = 0; t < count; t++)
        {
            var token = states.Slice(((row * sequence) + t) * hidden, hidden);
            for (int h = 0; h < hidden; h++)
            {
                sum[h] += token[h];
            }
        }

        double scale = 1.0 / Math.Max(count, 1);
        var vector = new float[hidden];
        for (int h = 0; h < hidden; h++)
        {
            vector[h] = (float)(sum[h] * scale);
        }

        return Normalize(vector);
    }

    /// <summary>Scales <paramref name="vector"/> to unit L2 length in place (an all-zero vector stays zero) and returns it.</summary>
    public static float[] Normalize(float[] vector)
    {
        double squares = 0;
        foreach (float v in vector)
        {
            squares += (double)v * v;
        }

        double scale = 1.0 / Math.Max(Math.Sqrt(squares), NormFloor);
        for (int h = 0; h < vector.Length; h++)
        {
            vector[h] = (float)(vector[h] * scale);
        }

        return vector;
    }
}
