using KnowRec.Models.Neural;
using KnowRec.Storage;

namespace KnowRec.Models.Hybrid;

/// <summary>
/// The part of KAR's NeuMF backbone that runs per pair at scoring time. A user's part is [p^G_u; a_u] and an item's
/// [q^G_i; a_i], where a_u + a_i is the MLP's first layer (its user half, its item half plus the bias) precomputed;
/// the score is h_Gᵀ(p^G_u ⊙ q^G_i) + h_Mᵀ ReLU(W₂ ReLU(a_u + a_i) + b₂) + b (He et al. 2017, eqs. 9–12).
/// </summary>
internal sealed class NcfHead
{
    private readonly int _factors;
    private readonly int _first;
    private readonly float[] _outputGmf;
    private readonly float[] _secondWeight;
    private readonly float[] _secondBias;
    private readonly float[] _outputMlp;
    private readonly float _outputBias;

    public NcfHead(int factors, int first, float[] outputGmf, float[] secondWeight, float[] secondBias, float[] outputMlp, float outputBias)
    {
        int second = secondBias.Length;
        if (outputGmf.Length != factors || secondWeight.Length != first * second || outputMlp.Length != second)
        {
            throw new InvalidDataException($"KAR NeuMF head: {outputGmf.Length} GMF weights for {factors} factors, {secondWeight.Length} second-layer weights for {first} × {second}, {outputMlp.Length} MLP output weights.");
        }

        (_factors, _first, _outputGmf, _secondWeight, _secondBias, _outputMlp, _outputBias) = (factors, first, outputGmf, secondWeight, secondBias, outputMlp, outputBias);
    }

    /// <summary>Width of a user's or item's part: factors + first-layer width.</summary>
    public int Width => _factors + _first;

    public float Score(ReadOnlySpan<float> user, ReadOnlySpan<float> item)
    {
        float gmf = 0f;
        for (int k = 0; k < _factors; k++)
        {
            gmf = MathF.FusedMultiplyAdd(user[k] * item[k], _outputGmf[k], gmf);
        }

        Span<float> first = _first <= 1024 ? stackalloc float[_first] : new float[_first];
        RowKernels.AddRelu(user[_factors..], item[_factors..], first);
        Span<float> second = _secondBias.Length <= 1024 ? stackalloc float[_secondBias.Length] : new float[_secondBias.Length];
        RowKernels.Affine(first, _secondWeight, _secondBias, second, relu: true);
        return gmf + RowKernels.Dot(second, _outputMlp) + _outputBias;
    }

    public void Write(ModelFileWriter writer)
    {
        writer.Write(_factors);
        writer.Write(_first);
        writer.Write(_outputGmf);
        writer.Write(_secondWeight);
        writer.Write(_secondBias);
        writer.Write(_outputMlp);
        writer.Write(_outputBias);
    }

    public static NcfHead Read(ModelFileReader reader, KarOptions options)
    {
        int factors = reader.ReadInt32(), first = reader.ReadInt32();
        if (factors != options.Factors || first != options.Hidden)
        {
            throw new InvalidDataException($"KAR NeuMF head of {factors} factors and width {first} does not match the options ({options.Factors}, {options.Hidden}).");
        }

        return new NcfHead(factors, first, reader.ReadSingleArray(), reader.ReadSingleArray(), reader.ReadSingleArray(), reader.ReadSingleArray(), reader.ReadSingle());
    }
}
