using KnowRec.Numerics.Autodiff;

namespace KnowRec.Models.Neural;

/// <summary>A fully connected layer x·W + b on the autodiff tape, and the same arithmetic on plain arrays for scoring.</summary>
/// <remarks>W is [inputs, outputs] (row-major, so a batch of rows is multiplied by one <see cref="Ops.MatMul"/>), b is [outputs].</remarks>
internal sealed class DenseLayer
{
    /// <summary>Creates a layer with Glorot-uniform weights (Glorot &amp; Bengio 2010) and zero biases.</summary>
    public DenseLayer(int inputs, int outputs, System.Random random)
    {
        Weight = Init.XavierUniform([inputs, outputs], random);
        Bias = Init.Zeros([outputs]);
    }

    /// <summary>Creates a layer over existing values (a loaded model).</summary>
    public DenseLayer(float[] weight, float[] bias)
    {
        Weight = Tensor.FromArray(weight, [weight.Length / bias.Length, bias.Length], requiresGrad: true);
        Bias = Tensor.FromArray(bias, [bias.Length], requiresGrad: true);
    }

    /// <summary>W, [inputs, outputs].</summary>
    public Tensor Weight { get; }

    /// <summary>b, [outputs].</summary>
    public Tensor Bias { get; }

    /// <summary>Number of inputs.</summary>
    public int Inputs => Weight.Rows;

    /// <summary>Number of outputs.</summary>
    public int Outputs => Weight.Columns;

    /// <summary>x·W + b for a batch x of [rows, inputs].</summary>
    public Tensor Forward(Tape tape, Tensor x) => Ops.Add(tape, Ops.MatMul(tape, x, Weight, tape.Threads), Bias);
}
