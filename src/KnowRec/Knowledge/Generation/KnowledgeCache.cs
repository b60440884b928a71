using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace KnowRec.Knowledge.Generation;

/// <summary>
/// Model answers on disk, one JSON file per (model, prompt version, SHA-256 of the prompt), so a rerun asks nothing
/// it has asked before and gets the same answers back.
/// </summary>
/// <remarks>
/// Files are written to a temporary name and renamed, so a killed run leaves no half entry. An entry that cannot be
/// read, is not JSON, or names another model, version or input is treated as absent (and counted by the caller).
/// Thread-safe: distinct keys are distinct files; two writers of one key write the same content.
/// </remarks>
public sealed class KnowledgeCache
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>Uses (and creates when needed) <paramref name="directory"/>.</summary>
    public KnowledgeCache(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = directory;
    }

    /// <summary>What a lookup found.</summary>
    public enum Lookup
    {
        /// <summary>No entry.</summary>
        Miss,

        /// <summary>A valid entry.</summary>
        Hit,

        /// <summary>An entry that is unreadable or does not match its key.</summary>
        Corrupt,
    }

    /// <summary>The cache folder.</summary>
    public string Directory { get; }

    /// <summary>Hex SHA-256 of a prompt (system and user message).</summary>
    public static string InputHash(string system, string user) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(system + "\u0000" + user)));

    /// <summary>The cache key of (model, prompt version, input hash).</summary>
    public static string Key(string model, string promptVersion, string inputHash) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(model + "\u0000" + promptVersion + "\u0000" + inputHash)));

    /// <summary>Looks up the answer stored for (model, prompt version, input hash).</summary>
    public Lookup TryRead(string model, string promptVersion, string inputHash, out string answer)
    {
        answer = "";
        string path = PathOf(Key(model, promptVersion, inputHash));
        if (!File.Exists(path))
        {
            return Lookup.Miss;
        }

        try
        {
            var entry = JsonSerializer.Deserialize<Entry>(File.ReadAllText(path), Json);
            if (entry is null || entry.Model != model || entry.PromptVersion != promptVersion || entry.InputSha256 != inputHash || entry.Answer is null)
            {
                return Lookup.Corrupt;
            }

            answer = entry.Answer;
            return Lookup.Hit;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return Lookup.Corrupt;
        }
    }

    /// <summary>Stores an answer (already checked valid) with the tokens it took.</summary>
    public void Write(string model, string promptVersion, string inputHash, string answer, long inputTokens, long outputTokens)
    {
        string path = PathOf(Key(model, promptVersion, inputHash));
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        string temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(new Entry(model, promptVersion, inputHash, answer, inputTokens, outputTokens), Json));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The file of one key: two-character fan-out folders keep directories small.</summary>
    public string PathOf(string key) => Path.Combine(Directory, key[..2], key + ".json");

    private sealed record Entry(string Model, string PromptVersion, string InputSha256, string? Answer, long InputTokens, long OutputTokens);
}
