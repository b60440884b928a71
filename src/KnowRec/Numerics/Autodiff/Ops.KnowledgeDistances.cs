namespace KnowRec.Numerics.Autodiff;

public static partial class Ops
{
    /// <summary>
    /// The translation distance of knowledge-graph embeddings, row by row: output[b] = ‖head[b] + relation[b] − tail[b]‖
    /// (TransE, Bordes et al. 2013, d(h + ℓ, t) in eq. 1; TransR, Lin et al. 2015, eq. 3, on projected rows).
    /// </summary>
    /// <param name="tape">Where the backward step is recorded.</param>
    /// <param name="head">Head rows, [B, d] (or a vector, one row).</param>
    /// <param name="relation">Relation rows, same shape.</param>
    /// <param name="tail">Tail rows, same shape.</param>
    /// <param name="norm">L1, L2 or squared L2.</param>
    /// <returns>The inputs' shape without the last dimension ([1] for a vector).</returns>
    /// <remarks>
    /// Fused so that a batch of triples costs one pass and one output buffer instead of two element-wise ops and a
    /// reduction. The L1 and L2 norms are not differentiable where a coordinate (L1) or the whole row (L2) is zero; the
    /// gradient used there is 0, a subgradient. Rows are independent, so fixed blocks of rows run on up to
    /// <see cref="Tape.Threads"/> threads with the same results for any count.
    /// </remarks>
    public static Tensor TranslationDistance(Tape tape, Tensor head, Tensor relation, Tensor tail, DistanceNorm norm)
    {
        CheckTriple(tape, head, relation, tail);
        if (!Enum.IsDefined(norm))
        {
            throw new ArgumentException($"Unknown norm {norm}.", nameof(norm));
        }

        int rows = head.Rows, d = head.Columns, threads = tape.Threads;
        float[] h = head.Data, r = relation.Data, t = tail.Data;
        var output = Tensor.Zeros(RowShape(head), head.RequiresGrad || relation.RequiresGrad || tail.RequiresGrad);
        var o = output.Data;
        ForRows(threads, rows, d, (s, e) =>
        {
            Span<float> x = d <= 1024 ? stackalloc float[d] : new float[d];
            for (int b = s; b < e; b++)
            {
                Difference(h, r, t, b * d, x);
                o[b] = Length(x, norm);
            }
        });

        if (output.RequiresGrad)
        {
            tape.Record(() =>
            {
                if (output.Grad is not { } g)
                {
                    return;
                }

                float[]? gh = head.RequiresGrad ? head.EnsureGrad() : null;
                float[]? gr = relation.RequiresGrad ? relation.EnsureGrad() : null;
                float[]? gt = tail.RequiresGrad ? tail.EnsureGrad() : null;
                ForRows(threads, rows, d, (s, e) =>
                {
                    Span<float> x = d <= 1024 ? stackalloc float[d] : new float[d];
                    for (int b = s; b < e; b++)
                    {
                        Difference(h, r, t, b * d, x);
                        LengthGradient(x, norm, o[b], g[b]);

                        // x = h + r − t, so d/dh and d/dr are +∂, d/dt is −∂.
                        AddRow(gh, b * d, x, 1f);
                        AddRow(gr, b * d, x, 1f);
                        AddRow(gt, b * d, x, -1f);
                    }
                });
            });
        }

        return output;
    }

    /// <summary>
    /// The rotation distance of RotatE (Sun et al. 2019, eq. 2 and §3.1): output[b] = Σ_j |h_j · e^{iθ_j} − t_j|, the sum
    /// over complex coordinates of the modulus of the rotated head minus the tail.
    /// </summary>
    /// <param name="tape">Where the backward step is recorded.</param>
    /// <param name="head">Head rows [B, 2k]: real parts in columns [0, k), imaginary parts in [k, 2k), as the paper's code.</param>
    /// <param name="phase">Rotation angles θ in radians, [B, k] (|r_j| = 1 by construction).</param>
    /// <param name="tail">Tail rows, same shape as <paramref name="head"/>.</param>
    /// <returns>The inputs' shape without the last dimension.</returns>
    /// <remarks>
    /// Fused because the rotation needs cos θ and sin θ in the forward and backward passes and a modulus per coordinate,
    /// which would otherwise take about ten element-wise ops. A zero modulus gets gradient 0 (a subgradient).
    /// Rows are independent; fixed blocks of rows make results the same for any thread count.
    /// </remarks>
    public static Tensor RotationDistance(Tape tape, Tensor head, Tensor phase, Tensor tail)
    {
        CheckNotNull(tape, head);
        ArgumentNullException.ThrowIfNull(phase);
        ArgumentNullException.ThrowIfNull(tail);
        if (!head.SameShape(tail) || head.Columns % 2 != 0 || phase.Rows != head.Rows || phase.Columns * 2 != head.Columns)
        {
            throw new ArgumentException($"RotationDistance needs head and tail of shape [B, 2k] and phase [B, k]; got {head.ShapeText}, {phase.ShapeText}, {tail.ShapeText}.", nameof(phase));
        }

        int rows = head.Rows, k = phase.Columns, threads = tape.Threads;
        float[] h = head.Data, p = phase.Data, t = tail.Data;
        var output = Tensor.Zeros(RowShape(head), head.RequiresGrad || phase.RequiresGrad || tail.RequiresGrad);
        var o = output.Data;
        ForRows(threads, rows, 2 * k, (s, e) =>
        {
            for (int b = s; b < e; b++)
            {
                double total = 0;
                for (int j = 0; j < k; j++)
                {
                    var (a, c, _, _) = Rotated(h, p, t, b, j, k);
                    total += MathF.Sqrt((a * a) + (c * c));
                }

                o[b] = (float)total;
            }
        });

        if (output.RequiresGrad)
        {
            tape.Record(() =>
            {
                if (output.Grad is not { } g)
                {
                    return;
                }

                float[]? gh = head.RequiresGrad ? head.EnsureGrad() : null;
                float[]? gp = phase.RequiresGrad ? phase.EnsureGrad() : null;
                float[]? gt = tail.RequiresGrad ? tail.EnsureGrad() : null;
                ForRows(threads, rows, 2 * k, (s, e) =>
                {
                    for (int b = s; b < e; b++)
                    {
                        for (int j = 0; j < k; j++)
                        {
                            var (a, c, cos, sin) = Rotated(h, p, t, b, j, k);
                            float modulus = MathF.Sqrt((a * a) + (c * c));
                            if (modulus == 0f)
                            {
                                continue;
                            }

                            // ∂|z|/∂(a, c) = (a, c)/|z| with a = h_re cos − h_im sin − t_re, c = h_re sin + h_im cos − t_im.
                            float ua = g[b] * a / modulus, uc = g[b] * c / modulus;
                            int re = (b * 2 * k) + j, im = re + k;
                            float hr = h[re], hi = h[im];
                            if (gh is not null)
                            {
                                gh[re] += (ua * cos) + (uc * sin);
                                gh[im] += (-ua * sin) + (uc * cos);
                            }

                            if (gt is not null)
                            {
                                gt[re] -= ua;
                                gt[im] -= uc;
                            }

                            if (gp is not null)
                            {
                                gp[(b * k) + j] += (ua * ((-hr * sin) - (hi * cos))) + (uc * ((hr * cos) - (hi * sin)));
                            }
                        }
                    }
                });
            });
        }

        return output;
    }

    // (real, imaginary) of h_j e^{iθ_j} − t_j for row b, coordinate j, with the cosine and sine used.
    private static (float Real, float Imaginary, float Cos, float Sin) Rotated(float[] h, float[] p, float[] t, int b, int j, int k)
    {
        int re = (b * 2 * k) + j, im = re + k;
        var (sin, cos) = MathF.SinCos(p[(b * k) + j]);
        return ((h[re] * cos) - (h[im] * sin) - t[re], (h[re] * sin) + (h[im] * cos) - t[im], cos, sin);
    }

    private static void Difference(float[] h, float[] r, float[] t, int offset, Span<float> x)
    {
        int d = x.Length;
        System.Numerics.Tensors.TensorPrimitives.Add(h.AsSpan(offset, d), r.AsSpan(offset, d), x);
        System.Numerics.Tensors.TensorPrimitives.Subtract(x, t.AsSpan(offset, d), x);
    }

    private static float Length(ReadOnlySpan<float> x, DistanceNorm norm) => norm switch
    {
        DistanceNorm.L1 => System.Numerics.Tensors.TensorPrimitives.SumOfMagnitudes(x),
        DistanceNorm.L2 => System.Numerics.Tensors.TensorPrimitives.Norm(x),
        _ => System.Numerics.Tensors.TensorPrimitives.SumOfSquares(x),
    };

    // Replaces x by g · ∂‖x‖/∂x: sign(x), x/‖x‖ (0 at the origin) or 2x.
    private static void LengthGradient(Span<float> x, DistanceNorm norm, float length, float g)
    {
        switch (norm)
        {
            case DistanceNorm.L1:
                for (int j = 0; j < x.Length; j++)
                {
                    x[j] = x[j] > 0f ? g : x[j] < 0f ? -g : 0f;
                }

                break;
            case DistanceNorm.L2:
                System.Numerics.Tensors.TensorPrimitives.Multiply(x, length > 0f ? g / length : 0f, x);
                break;
            default:
                System.Numerics.Tensors.TensorPrimitives.Multiply(x, 2f * g, x);
                break;
        }
    }

    private static void AddRow(float[]? gradient, int offset, ReadOnlySpan<float> step, float sign)
    {
        if (gradient is not null)
        {
            var row = gradient.AsSpan(offset, step.Length);
            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(step, sign, row, row);
        }
    }

    private static int[] RowShape(Tensor input) => input.Rank == 1 ? [1] : input.Shape[..^1].ToArray();

    private static void CheckTriple(Tape tape, Tensor head, Tensor relation, Tensor tail)
    {
        CheckNotNull(tape, head);
        ArgumentNullException.ThrowIfNull(relation);
        ArgumentNullException.ThrowIfNull(tail);
        if (!head.SameShape(relation) || !head.SameShape(tail))
        {
            throw new ArgumentException($"Head, relation and tail must have one shape; got {head.ShapeText}, {relation.ShapeText}, {tail.ShapeText}.", nameof(relation));
        }
    }
}
