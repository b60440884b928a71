namespace KnowRec.Data.Download;

/// <summary>The datasets <c>knowrec data pull</c> can fetch, with their published checksums.</summary>
/// <remarks>
/// GroupLens publishes an MD5 per archive; the SHA-256 digests are of the files inside, taken from copies byte-identical
/// to the distributed ones. A download must match both before it is moved into the data folder.
/// </remarks>
public static class DownloadCatalog
{
    /// <summary>All known sources.</summary>
    public static IReadOnlyList<DownloadSource> Sources { get; } =
    [
        new(
            "ml-100k",
            new Uri("https://files.grouplens.org/datasets/movielens/ml-100k.zip"),
            "0e33842e24a9c977be4e0107933c0723",
            new Dictionary<string, string>
            {
                ["u.data"] = "06416e597f82b7342361e41163890c81036900f418ad91315590814211dca490",
                ["u.item"] = "553841ebc7de3a0fd0d6b62a204ea30c1e651aacfb2814c7a6584ac52f2c5701",
                ["u.user"] = "f120e114da2e8cf314fd28f99417c94ae9ddf1cb6db8ce0e4b5995d40e90e62c",
                ["u.genre"] = "9757e0d3e6b298159a80dd48eaf938114690e911e39af97a76949ef1663610bb",
                ["u.occupation"] = "cd5fbec9afe345d993a62fc7817df1a4a9079c4feb267b3118763b8fd942137d",
                ["u.info"] = "5b0a40b2e47a729ee6203063f6dcf8790c2e63f5a18663e6ee318a72c5f3c27b",
            }),
        new(
            "ml-1m",
            new Uri("https://files.grouplens.org/datasets/movielens/ml-1m.zip"),
            "c4d9eecfca2ab87c1945afe126590906",
            new Dictionary<string, string>
            {
                ["movies.dat"] = "0140fc2356357c1a851d0f52e893a1e4d3696df632c4141cea8d5bc3d621f0b9",
                ["users.dat"] = "1dc3a95300cb19f7c10e027daf29b8cdf1d908dab65b5edfb45950aa389a10a3",
            }),
        new(
            "ml-latest-small",
            new Uri("https://files.grouplens.org/datasets/movielens/ml-latest-small.zip"),
            null,
            new Dictionary<string, string>
            {
                ["ratings.csv"] = "80da8b3393dae325bbba5a31f291a6ba55d8d4f4396de3c456f2c1635b1b70e8",
                ["movies.csv"] = "c47b783f23eb304413307e1bb05335e427737da20ec8d3c0e96335567dd5f3dc",
                ["links.csv"] = "028a4a1d17751ca9276e0e0718cfc22356350f224a996e1ec348c23274b9209d",
                ["tags.csv"] = "68eec00a0820c2faa8863a6df7032f13d5899a4462bce9a97213905297ff3d34",
            }),
    ];

    /// <summary>The source for a dataset name.</summary>
    /// <exception cref="ArgumentException">No source has that name.</exception>
    public static DownloadSource Get(string name) =>
        Sources.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"No download is known for '{name}'. Known: {string.Join(", ", Sources.Select(s => s.Name))}.", nameof(name));
}
