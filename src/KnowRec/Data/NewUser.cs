namespace KnowRec.Data;

/// <summary>
/// Adds a user the dataset has never seen — known by a few items and/or by attributes such as <c>users.dat</c>'s
/// gender, age and occupation — so the same fit-and-recommend path serves a cold-start user.
/// </summary>
/// <remarks>
/// The new user gets the next user index; items keep their indices, so an attached knowledge graph and item vectors
/// stay valid. A fixed test mask no longer matches the rows and is dropped.
/// </remarks>
public static class NewUser
{
    /// <summary>
    /// <paramref name="data"/> with user <paramref name="userId"/> added, with one interaction per item in
    /// <paramref name="itemIds"/> (value <paramref name="value"/>; when the dataset has timestamps, one second after its
    /// latest row, since these are the newest actions) and the given attributes.
    /// </summary>
    /// <exception cref="ArgumentException">The user id is empty or already taken, an item id is unknown or repeated, or the user would have neither items nor attributes.</exception>
    public static Dataset Add(Dataset data, string userId, IReadOnlyList<string> itemIds, IReadOnlyDictionary<string, string>? attributes = null, float value = 1f)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentNullException.ThrowIfNull(itemIds);
        attributes ??= new Dictionary<string, string>();
        if (data.Users.TryGetIndex(userId, out _))
        {
            throw new ArgumentException($"User '{userId}' is already in {data.Name}; a new user needs an unused id.", nameof(userId));
        }

        if (itemIds.Count == 0 && attributes.Count == 0)
        {
            throw new ArgumentException("A new user needs at least one item or one attribute to be recommended for.", nameof(itemIds));
        }

        int user = data.Users.Count;
        long time = data.HasTimestamps && data.Interactions.Count > 0 ? data.Interactions.Max(r => r.Timestamp) + 1 : Interaction.NoTimestamp;
        var rows = new List<Interaction>(data.Interactions.Count + itemIds.Count);
        rows.AddRange(data.Interactions);
        var seen = new HashSet<int>();
        foreach (string id in itemIds)
        {
            if (!data.Items.TryGetIndex(id, out int item))
            {
                throw new ArgumentException($"Item '{id}' is not in {data.Name} ({data.Items.Count:N0} items; ids like {string.Join(", ", data.Items.Ids.Take(3))}).", nameof(itemIds));
            }

            if (!seen.Add(item))
            {
                throw new ArgumentException($"Item '{id}' is given twice.", nameof(itemIds));
            }

            rows.Add(new Interaction(user, item, value, time));
        }

        var userAttributes = new List<IReadOnlyDictionary<string, string>?>(user + 1);
        for (int u = 0; u < user; u++)
        {
            userAttributes.Add(u < data.UserAttributes.Count ? data.UserAttributes[u] : null);
        }

        userAttributes.Add(attributes.Count == 0 ? null : new Dictionary<string, string>(attributes, StringComparer.Ordinal));
        return new Dataset(data.Name, new IdMap([.. data.Users.Ids, userId]), data.Items, rows)
        {
            Feedback = data.Feedback,
            RatingScale = data.RatingScale,
            HasTimestamps = data.HasTimestamps,
            ItemMetadata = data.ItemMetadata,
            UserAttributes = userAttributes,
            Cleaning = data.Cleaning,
            Knowledge = data.Knowledge,
            ItemVectors = data.ItemVectors,
        };
    }
}
