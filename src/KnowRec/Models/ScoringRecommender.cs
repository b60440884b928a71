using System.Buffers;
using KnowRec.Data;
using KnowRec.Numerics;
using KnowRec.Storage;

namespace KnowRec.Models;

/// <summary>
/// Base for models that can score every item for a user: it does the shared work of recommending (index checks,
/// excluding seen and banned items, candidate lists, top-K, batching, saving the common header).
/// </summary>
/// <remarks>Designed for inheritance. Subclasses must be immutable after construction, so instances are thread-safe.</remarks>
public abstract class ScoringRecommender : IRecommender
{
    /// <summary>Creates the shared part of a fitted model.</summary>
    /// <param name="users">Raw user ids.</param>
    /// <param name="items">Raw item ids (the catalogue).</param>
    /// <param name="seen">Training interactions, used to leave out items a user already has.</param>
    protected ScoringRecommender(IdMap users, IdMap items, InteractionMatrix seen)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(seen);
        if (seen.Users != users.Count || seen.Items != items.Count)
        {
            throw new ArgumentException($"Seen matrix is {seen.Users} × {seen.Items} but the model has {users.Count} users and {items.Count} items.", nameof(seen));
        }

        Users = users;
        Items = items;
        Seen = seen;
    }

    /// <inheritdoc/>
    public abstract string Kind { get; }

    /// <inheritdoc/>
    public IdMap Users { get; }

    /// <inheritdoc/>
    public IdMap Items { get; }

    /// <summary>The training interactions (user × item).</summary>
    public InteractionMatrix Seen { get; }

    /// <summary>The options the model was fitted with, as JSON (stored in model files and reports).</summary>
    public abstract string OptionsJson { get; }

    /// <inheritdoc/>
    public float Score(int user, int item)
    {
        CheckUser(user);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)item, (uint)Items.Count, nameof(item));
        return ScoreCore(user, item);
    }

    /// <inheritdoc/>
    public IReadOnlyList<ScoredItem> Recommend(int user, int count, RecommendOptions? options = null)
    {
        CheckUser(user);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        options ??= RecommendOptions.Default;
        if (count == 0)
        {
            return [];
        }

        if (options.Candidates is { } candidates)
        {
            return RecommendAmong(user, count, candidates, options);
        }

        float[] scores = ArrayPool<float>.Shared.Rent(Items.Count);
        try
        {
            var span = scores.AsSpan(0, Items.Count);
            ScoreAll(user, span);
            Mask(user, span, options);
            return TopK.Select(span, count);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scores);
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<ScoredItem>[] RecommendMany(ReadOnlySpan<int> users, int count, RecommendOptions? options = null)
    {
        int[] list = users.ToArray();
        foreach (int user in list)
        {
            CheckUser(user);
        }

        var results = new IReadOnlyList<ScoredItem>[list.Length];
        Parallel.For(0, list.Length, i => results[i] = Recommend(list[i], count, options));
        return results;
    }

    /// <inheritdoc/>
    public void Save(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        using var writer = new ModelFileWriter(Kind, OptionsJson);
        writer.Write(Users);
        writer.Write(Items);
        writer.Write(Seen);
        SaveCore(writer);
        writer.CopyTo(destination);
    }

    /// <summary>Score of one (user, item); indices are already checked.</summary>
    protected abstract float ScoreCore(int user, int item);

    /// <summary>Writes the scores of every item for one user into <paramref name="scores"/> (length = item count).</summary>
    protected abstract void ScoreAll(int user, Span<float> scores);

    /// <summary>Scores of every item for each of <paramref name="users"/>, row after row (validation during training).</summary>
    internal void ScoreUsers(ReadOnlySpan<int> users, Span<float> scores)
    {
        int items = Items.Count;
        for (int b = 0; b < users.Length; b++)
        {
            ScoreAll(users[b], scores.Slice(b * items, items));
        }
    }

    /// <summary>Writes the model-specific arrays after the common header.</summary>
    protected abstract void SaveCore(ModelFileWriter writer);

    /// <summary>Reads the common header of a model file: users, items and seen matrix, in the order <see cref="Save"/> wrote them.</summary>
    protected static (IdMap Users, IdMap Items, InteractionMatrix Seen) ReadCommon(ModelFileReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var users = reader.ReadIdMap();
        var items = reader.ReadIdMap();
        var seen = reader.ReadMatrix();
        return (users, items, seen);
    }

    private void CheckUser(int user) => ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)user, (uint)Users.Count, nameof(user));

    private void Mask(int user, Span<float> scores, RecommendOptions options)
    {
        if (options.ExcludeSeen)
        {
            foreach (int item in Seen.ItemsOf(user))
            {
                scores[item] = float.NegativeInfinity;
            }
        }

        if (options.Exclude is { } banned)
        {
            foreach (int item in banned)
            {
                if ((uint)item < (uint)scores.Length)
                {
                    scores[item] = float.NegativeInfinity;
                }
            }
        }
    }

    private ScoredItem[] RecommendAmong(int user, int count, IReadOnlyList<int> candidates, RecommendOptions options)
    {
        var kept = new List<ScoredItem>(candidates.Count);
        var once = new HashSet<int>();
        foreach (int item in candidates)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)item, (uint)Items.Count, nameof(options));
            if (!once.Add(item) || (options.ExcludeSeen && Seen.Contains(user, item)) || (options.Exclude?.Contains(item) ?? false))
            {
                continue;
            }

            float score = ScoreCore(user, item);
            if (!float.IsNaN(score))
            {
                kept.Add(new ScoredItem(item, score));
            }
        }

        kept.Sort(static (a, b) => TopK.Better(a, b) ? -1 : TopK.Better(b, a) ? 1 : 0);
        return [.. kept.Take(count)];
    }
}
