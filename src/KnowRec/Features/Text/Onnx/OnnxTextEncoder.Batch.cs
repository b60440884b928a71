using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace KnowRec.Features.Text.Onnx;

// Building the padded input tensors of one batch and pooling its output.
public sealed partial class OnnxTextEncoder
{
    private readonly ModelInput[] _inputs;

    private enum InputKind
    {
        Ids,
        AttentionMask,
        TokenTypes,
        Positions,
    }

    private sealed record ModelInput(string Name, InputKind Kind, bool Int32);

    // Feed only what the graph declares: exports differ (DistilBERT-style graphs have no token_type_ids, some ask for
    // position_ids). Anything else is not a BERT encoder this class knows how to drive.
    private static ModelInput[] DescribeInputs(InferenceSession session, string modelFile)
    {
        var inputs = new List<ModelInput>();
        foreach (var (name, meta) in session.InputMetadata)
        {
            InputKind kind = name switch
            {
                "input_ids" => InputKind.Ids,
                "attention_mask" => InputKind.AttentionMask,
                "token_type_ids" => InputKind.TokenTypes,
                "position_ids" => InputKind.Positions,
                _ => throw new InvalidDataException($"{modelFile}: unexpected input '{name}'; a sentence-transformers export takes input_ids, attention_mask and optionally token_type_ids."),
            };
            if (meta.ElementDataType is not (TensorElementType.Int64 or TensorElementType.Int32) || meta.Dimensions.Length != 2)
            {
                throw new InvalidDataException($"{modelFile}: input '{name}' must be an int64 (or int32) [batch, sequence] tensor; it is {meta.ElementDataType} of rank {meta.Dimensions.Length}.");
            }

            inputs.Add(new ModelInput(name, kind, meta.ElementDataType == TensorElementType.Int32));
        }

        return inputs.Any(i => i.Kind == InputKind.Ids)
            ? [.. inputs]
            : throw new InvalidDataException($"{modelFile}: the graph has no 'input_ids' input.");
    }

    private void RunBatch(RunOptions run, IReadOnlyList<int[]> ids, ReadOnlySpan<int> batch, float[][] vectors)
    {
        int rows = batch.Length;
        int sequence = 0;
        foreach (int i in batch)
        {
            sequence = Math.Max(sequence, ids[i].Length);
        }

        var lengths = new int[rows];
        var values = new List<OrtValue>(_inputs.Length);
        try
        {
            long[] shape = [rows, sequence];
            foreach (var input in _inputs)
            {
                var data = new long[rows * sequence];
                for (int r = 0; r < rows; r++)
                {
                    int[] row = ids[batch[r]];
                    lengths[r] = row.Length;
                    Fill(data.AsSpan(r * sequence, sequence), row, input.Kind);
                }

                values.Add(input.Int32
                    ? OrtValue.CreateTensorValueFromMemory(Array.ConvertAll(data, v => (int)v), shape)
                    : OrtValue.CreateTensorValueFromMemory(data, shape));
            }

            using var outputs = _session.Run(run, _inputs.Select(i => i.Name).ToArray(), values, [_outputName]);
            var output = outputs[0];
            long[] outShape = output.GetTensorTypeAndShape().Shape;
            var states = output.GetTensorDataAsSpan<float>();
            bool fits = _outputIsPooled
                ? outShape.Length == 2 && outShape[0] == rows
                : outShape.Length == 3 && outShape[0] == rows && outShape[1] == sequence;
            if (!fits || outShape[^1] < 1)
            {
                throw new InvalidDataException($"Output '{_outputName}' has shape [{string.Join(", ", outShape)}] for a batch of {rows} × {sequence} tokens.");
            }

            int hidden = (int)outShape[^1];
            for (int r = 0; r < rows; r++)
            {
                vectors[batch[r]] = _outputIsPooled
                    ? MeanPooling.Normalize(states.Slice(r * hidden, hidden).ToArray())
                    : MeanPooling.Pool(states, r, sequence, hidden, lengths[r]);
            }
        }
        finally
        {
            foreach (var value in values)
            {
                value.Dispose();
            }
        }
    }

    // Right padding: real tokens first, then [PAD] with mask 0; segment ids are all 0 for a single sentence.
    private void Fill(Span<long> target, int[] row, InputKind kind)
    {
        for (int t = 0; t < target.Length; t++)
        {
            bool real = t < row.Length;
            target[t] = kind switch
            {
                InputKind.Ids => real ? row[t] : _tokenizer.PaddingId,
                InputKind.AttentionMask => real ? 1 : 0,
                InputKind.Positions => t,
                _ => 0,
            };
        }
    }
}
