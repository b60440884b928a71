using KnowRec.Numerics.Autodiff;
using KnowRec.Numerics.Optimizers;
using Xunit;

namespace KnowRec.Tests.Numerics.Optimizers;

public sealed class ConvergenceTests
{
    private static readonly float[] Solution = [1f, -2f, 0.5f];

    public static TheoryData<string> Optimizers => ["sgd", "momentum", "nesterov", "adam", "adamw", "adagrad"];

    // Least squares ‖Aθ − b‖²/n with b = Aθ*: convex, with the unique minimum θ* because A has full column rank.
    [Theory]
    [MemberData(nameof(Optimizers))]
    public void Optimizer_ReachesTheMinimumOfALeastSquaresProblem(string name)
    {
        var (a, b) = Problem();
        var theta = Tensor.Zeros([3, 1], requiresGrad: true);
        Optimizer optimizer = name switch
        {
            "sgd" => new Sgd([theta], 0.2f),
            "momentum" => new Sgd([theta], 0.05f, momentum: 0.9f),
            "nesterov" => new Sgd([theta], 0.05f, momentum: 0.9f, nesterov: true),
            "adam" => new Adam([theta], 0.02f),
            "adamw" => new AdamW([theta], 0.02f, weightDecay: 1e-4f),
            _ => new Adagrad([theta], 0.5f),
        };

        double first = Loss(a, b, theta, optimizer);
        for (int step = 0; step < 600; step++)
        {
            Loss(a, b, theta, optimizer);
        }

        double last = Loss(a, b, theta, optimizer);
        Assert.True(last < first * 1e-5, $"{name}: loss {first} → {last}");
        for (int i = 0; i < Solution.Length; i++)
        {
            Assert.True(Math.Abs(theta.Data[i] - Solution[i]) < 2e-3, $"{name}: θ[{i}] = {theta.Data[i]}, expected {Solution[i]}");
        }
    }

    // One full-batch step; returns the loss before it.
    private static double Loss(Tensor a, Tensor b, Tensor theta, Optimizer optimizer)
    {
        optimizer.ZeroGrad();
        var tape = new Tape();
        var loss = Ops.MeanSquaredError(tape, Ops.MatMul(tape, a, theta), b);
        tape.Backward(loss);
        optimizer.Step();
        return loss.Data[0];
    }

    private static (Tensor A, Tensor B) Problem()
    {
        const int rows = 12;
        var a = new float[rows * 3];
        for (int r = 0; r < rows; r++)
        {
            // Three smooth, clearly independent columns of size about 1.
            a[(r * 3) + 0] = 1f;
            a[(r * 3) + 1] = (r - 5.5f) / 6f;
            a[(r * 3) + 2] = MathF.Cos(r);
        }

        var b = new float[rows];
        for (int r = 0; r < rows; r++)
        {
            b[r] = (a[r * 3] * Solution[0]) + (a[(r * 3) + 1] * Solution[1]) + (a[(r * 3) + 2] * Solution[2]);
        }

        return (Tensor.FromArray(a, [rows, 3]), Tensor.FromArray(b, [rows, 1]));
    }
}
