using KnowRec.Data;

namespace KnowRec.Models.Baseline;

/// <content>The two fitting methods.</content>
public sealed partial class BaselineBiases
{
    // ALS as in Surprise's baseline_als: with the user biases fixed, the regularised least-squares item bias has the
    // closed form b_i = Σ_u (r_ui − μ − b_u) / (λ_i + |R(i)|); then the same for users given items. Accumulation is in
    // double so the result does not depend on row order beyond rounding.
    private static void FitAls(InteractionMatrix ratings, float mean, BaselineOptions options, float[] userBiases, float[] itemBiases, CancellationToken cancellation)
    {
        var byItem = ratings.Transpose();
        for (int epoch = 0; epoch < options.EffectiveEpochs; epoch++)
        {
            cancellation.ThrowIfCancellationRequested();
            Solve(byItem, mean, userBiases, itemBiases, options.ItemRegularization);
            Solve(ratings, mean, itemBiases, userBiases, options.UserRegularization);
        }
    }

    // One half-step: every row's bias from the other side's fixed biases.
    private static void Solve(InteractionMatrix rows, float mean, float[] otherBiases, float[] rowBiases, float regularization)
    {
        for (int row = 0; row < rows.Users; row++)
        {
            var columns = rows.ItemsOf(row);
            var values = rows.ValuesOf(row);
            double deviation = 0;
            for (int k = 0; k < columns.Length; k++)
            {
                deviation += values[k] - mean - otherBiases[columns[k]];
            }

            double denominator = regularization + columns.Length;
            rowBiases[row] = denominator > 0 ? (float)(deviation / denominator) : 0f;
        }
    }

    // SGD as in Surprise's baseline_sgd: rows in CSR order (user by user), so the fit is deterministic without a seed;
    // each rating moves both biases along the gradient of (r − μ − b_u − b_i)² + λ(b_u² + b_i²).
    private static void FitSgd(InteractionMatrix ratings, float mean, BaselineOptions options, float[] userBiases, float[] itemBiases, CancellationToken cancellation)
    {
        float rate = options.LearningRate;
        float regularization = options.Regularization;
        for (int epoch = 0; epoch < options.EffectiveEpochs; epoch++)
        {
            cancellation.ThrowIfCancellationRequested();
            for (int user = 0; user < ratings.Users; user++)
            {
                var items = ratings.ItemsOf(user);
                var values = ratings.ValuesOf(user);
                for (int k = 0; k < items.Length; k++)
                {
                    int item = items[k];
                    float error = values[k] - (mean + userBiases[user] + itemBiases[item]);
                    userBiases[user] += rate * (error - (regularization * userBiases[user]));
                    itemBiases[item] += rate * (error - (regularization * itemBiases[item]));
                }
            }
        }
    }
}
