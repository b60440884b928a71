using System.Runtime.CompilerServices;
using KnowRec.Data;

namespace KnowRec.Knowledge.Generation;

/// <summary>The part of a user's history that prompts and rules look at, grouped once per dataset.</summary>
internal sealed class UserHistory
{
    private static readonly ConditionalWeakTable<Dataset, UserHistory> Cache = [];
    private readonly List<Interaction>[] _byUser;
    private readonly bool _timed;

    private UserHistory(Dataset data)
    {
        _timed = data.HasTimestamps;
        _byUser = new List<Interaction>[data.Users.Count];
        foreach (var row in data.Interactions)
        {
            (_byUser[row.User] ??= []).Add(row);
        }
    }

    /// <summary>Up to <paramref name="max"/> (item, value) pairs: latest first when timed, else highest value first; ties by item index.</summary>
    public static List<(int Item, float Value)> Of(Dataset data, int user, int max)
    {
        var history = Cache.GetValue(data, d => new UserHistory(d));
        var rows = history._byUser[user] ?? [];
        var ordered = history._timed
            ? rows.OrderByDescending(r => r.Timestamp).ThenBy(r => r.Item)
            : rows.OrderByDescending(r => r.Value).ThenBy(r => r.Item);
        return [.. ordered.Take(max).Select(r => (r.Item, r.Value))];
    }
}
