using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace KnowRec.Knowledge.Generation;

/// <summary>
/// A folder of generated knowledge: <c>items.jsonl</c> (one <see cref="ItemKnowledgeRecord"/> per line),
/// <c>users.jsonl</c> (one <see cref="UserPreferenceRecord"/> per line) and, when written, the extracted graph as
/// <c>triples.tsv</c> + <c>links.tsv</c> + <c>names.tsv</c> (so <c>--kg DIR</c> loads it).
/// </summary>
/// <remarks>Every file is written to a temporary name and renamed, so readers never see half a file.</remarks>
public static class KnowledgeStore
{
    /// <summary>File of item records.</summary>
    public const string ItemsFile = "items.jsonl";

    /// <summary>File of user records.</summary>
    public const string UsersFile = "users.jsonl";

    // Relaxed escaping keeps quotes and apostrophes readable in the files; each line is still valid JSON.
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes both record files into <paramref name="directory"/> (created when needed).</summary>
    public static void Write(string directory, IEnumerable<ItemKnowledgeRecord> items, IEnumerable<UserPreferenceRecord> users)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(users);
        Directory.CreateDirectory(directory);
        WriteLines(Path.Combine(directory, ItemsFile), items.Select(r => JsonSerializer.Serialize(r, Json)));
        WriteLines(Path.Combine(directory, UsersFile), users.Select(r => JsonSerializer.Serialize(r, Json)));
    }

    /// <summary>Writes <paramref name="graph"/> as <c>triples.tsv</c>, <c>links.tsv</c> and <c>names.tsv</c>.</summary>
    public static void WriteGraph(string directory, KnowledgeGraph graph)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentNullException.ThrowIfNull(graph);
        Directory.CreateDirectory(directory);
        WriteLines(Path.Combine(directory, "triples.tsv"), graph.Triples.Select(t => $"{graph.Entities[t.Head]}\t{graph.Relations[t.Relation]}\t{graph.Entities[t.Tail]}").Prepend("head\trelation\ttail"));
        WriteLines(Path.Combine(directory, "links.tsv"), graph.ItemLinks.OrderBy(l => l.Value).Select(l => $"{l.Key}\t{graph.Entities[l.Value]}").Prepend("item\tentity"));
        WriteLines(Path.Combine(directory, "names.tsv"), Enumerable.Range(0, graph.Entities.Count)
            .Where(e => graph.NameOf(e) is not null)
            .Select(e => $"{graph.Entities[e]}\t{Clean(graph.NameOf(e)!)}")
            .Prepend("entity\tname"));
    }

    /// <summary>The item records of <paramref name="directory"/>.</summary>
    public static IReadOnlyList<ItemKnowledgeRecord> ReadItems(string directory) => Read<ItemKnowledgeRecord>(Path.Combine(directory, ItemsFile), required: true);

    /// <summary>The user records of <paramref name="directory"/>; none when it has no <c>users.jsonl</c>.</summary>
    public static IReadOnlyList<UserPreferenceRecord> ReadUsers(string directory) => Read<UserPreferenceRecord>(Path.Combine(directory, UsersFile), required: false);

    private static List<T> Read<T>(string path, bool required)
    {
        if (!File.Exists(path))
        {
            return required ? throw new FileNotFoundException($"{path} does not exist; write it with `knowrec knowledge generate --out DIR`.", path) : [];
        }

        var records = new List<T>();
        int number = 0;
        foreach (string line in File.ReadLines(path))
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                records.Add(JsonSerializer.Deserialize<T>(line, Json) ?? throw new JsonException("null record"));
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{path}:{number}: not a {typeof(T).Name}: {e.Message}", e);
            }
        }

        return records;
    }

    // Tabs and line breaks would split a TSV field.
    private static string Clean(string text) => text.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');

    private static void WriteLines(string path, IEnumerable<string> lines)
    {
        string temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllLines(temporary, lines, new UTF8Encoding(false));
        File.Move(temporary, path, overwrite: true);
    }
}
