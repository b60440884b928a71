namespace KnowRec.Tests.Features.Text.Onnx;

/// <summary>A small BERT-shaped ONNX graph with random weights, built at run time, and the same computation in plain C#.</summary>
/// <remarks>
/// x_t = word[id_t] + position[t] + type[segment_t]; c = Σ_t m_t x_t / Σ_t m_t (a masked context, so the attention mask
/// matters inside the graph as it does in BERT's attention); h_t = tanh((x_t + c) W + b) → <c>last_hidden_state</c>.
/// </remarks>
internal sealed class TinyBert
{
    public TinyBert(int vocabulary, int hidden, int positions, int seed = 7)
    {
        Vocabulary = vocabulary;
        Hidden = hidden;
        Positions = positions;
        var random = new Random(seed);
        float[] Fill(int n) => [.. Enumerable.Range(0, n).Select(_ => (float)((random.NextDouble() * 2) - 1))];
        Word = Fill(vocabulary * hidden);
        Position = Fill(positions * hidden);
        Segment = Fill(2 * hidden);
        Dense = Fill(hidden * hidden);
        Bias = Fill(hidden);
    }

    public int Vocabulary { get; }

    public int Hidden { get; }

    public int Positions { get; }

    public float[] Word { get; }

    public float[] Position { get; }

    public float[] Segment { get; }

    public float[] Dense { get; }

    public float[] Bias { get; }

    /// <summary>The ONNX model bytes.</summary>
    /// <param name="tokenTypes">Declare a token_type_ids input (DistilBERT-style exports do not).</param>
    /// <param name="output">Name of the token-state output.</param>
    /// <param name="pooledFirst">Put a [batch, 1, hidden] decoy output before the token states.</param>
    public byte[] ToOnnx(bool tokenTypes = true, string output = "last_hidden_state", bool pooledFirst = false)
    {
        var graph = new OnnxProto().Text(2, "tiny-bert");
        void Node(string op, string[] inputs, string result, params OnnxProto[] attributes) => graph.Message(1, OnnxProto.Node(op, inputs, result, attributes));

        Node("Gather", ["word", "input_ids"], "word_states");
        Node("Shape", ["input_ids"], "input_shape");
        Node("Gather", ["input_shape", "one"], "sequence_length", OnnxProto.IntAttribute("axis", 0));
        Node("Range", ["zero", "sequence_length", "one"], "position_ids");
        Node("Gather", ["position", "position_ids"], "position_states");
        Node("Add", ["word_states", "position_states"], "x_no_type");
        string x = "x_no_type";
        if (tokenTypes)
        {
            Node("Gather", ["segment", "token_type_ids"], "segment_states");
            Node("Add", ["x_no_type", "segment_states"], "x");
            x = "x";
        }

        Node("Cast", ["attention_mask"], "mask_float", OnnxProto.IntAttribute("to", OnnxProto.Float));
        Node("Unsqueeze", ["mask_float", "axis_last"], "mask3");
        Node("Mul", [x, "mask3"], "masked");
        Node("ReduceSum", ["masked", "axis_sequence"], "masked_sum", OnnxProto.IntAttribute("keepdims", 1));
        Node("ReduceSum", ["mask3", "axis_sequence"], "mask_count", OnnxProto.IntAttribute("keepdims", 1));
        Node("Div", ["masked_sum", "mask_count"], "context");
        Node("Add", [x, "context"], "with_context");
        Node("MatMul", ["with_context", "dense"], "projected");
        Node("Add", ["projected", "bias"], "biased");
        Node("Tanh", ["biased"], output);

        graph.Message(5, OnnxProto.Tensor("word", Word, Vocabulary, Hidden))
            .Message(5, OnnxProto.Tensor("position", Position, Positions, Hidden))
            .Message(5, OnnxProto.Tensor("segment", Segment, 2, Hidden))
            .Message(5, OnnxProto.Tensor("dense", Dense, Hidden, Hidden))
            .Message(5, OnnxProto.Tensor("bias", Bias, Hidden))
            .Message(5, OnnxProto.Tensor("zero", [0L]))
            .Message(5, OnnxProto.Tensor("one", [1L]))
            .Message(5, OnnxProto.Tensor("axis_last", [2L], 1))
            .Message(5, OnnxProto.Tensor("axis_sequence", [1L], 1));

        graph.Message(11, OnnxProto.Value("input_ids", OnnxProto.Int64, "batch", "sequence"))
            .Message(11, OnnxProto.Value("attention_mask", OnnxProto.Int64, "batch", "sequence"));
        if (tokenTypes)
        {
            graph.Message(11, OnnxProto.Value("token_type_ids", OnnxProto.Int64, "batch", "sequence"));
        }

        if (pooledFirst)
        {
            graph.Message(12, OnnxProto.Value("context", OnnxProto.Float, "batch", 1, Hidden));
        }

        graph.Message(12, OnnxProto.Value(output, OnnxProto.Float, "batch", "sequence", Hidden));
        return OnnxProto.Model(graph);
    }

    /// <summary>The last hidden states of one unpadded text, [ids.Length × Hidden], computed directly.</summary>
    public double[][] States(int[] ids, bool tokenTypes = true)
    {
        int h = Hidden;
        var x = new double[ids.Length][];
        var context = new double[h];
        for (int t = 0; t < ids.Length; t++)
        {
            x[t] = new double[h];
            for (int j = 0; j < h; j++)
            {
                x[t][j] = Word[(ids[t] * h) + j] + Position[(t * h) + j] + (tokenTypes ? Segment[j] : 0);
                context[j] += x[t][j] / ids.Length;
            }
        }

        var states = new double[ids.Length][];
        for (int t = 0; t < ids.Length; t++)
        {
            states[t] = new double[h];
            for (int j = 0; j < h; j++)
            {
                double sum = Bias[j];
                for (int i = 0; i < h; i++)
                {
                    sum += (x[t][i] + context[i]) * Dense[(i * h) + j];
                }

                states[t][j] = Math.Tanh(sum);
            }
        }

        return states;
    }

    /// <summary>Sentence-BERT's vector of one text: mean of <see cref="States"/> over its tokens, divided by its L2 norm.</summary>
    public double[] SentenceVector(int[] ids, bool tokenTypes = true)
    {
        var states = States(ids, tokenTypes);
        var mean = new double[Hidden];
        foreach (var state in states)
        {
            for (int j = 0; j < Hidden; j++)
            {
                mean[j] += state[j] / states.Length;
            }
        }

        double norm = Math.Sqrt(mean.Sum(v => v * v));
        return [.. mean.Select(v => v / norm)];
    }
}
