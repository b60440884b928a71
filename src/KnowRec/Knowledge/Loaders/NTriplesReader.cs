using System.Text;
using KnowRec.Data.Readers;

namespace KnowRec.Knowledge.Loaders;

/// <summary>Reads RDF N-Triples (<c>&lt;s&gt; &lt;p&gt; &lt;o&gt; .</c>); IRIs and blank nodes become entities, label literals become names.</summary>
/// <remarks>
/// W3C RDF 1.1 N-Triples. Objects that are literals are kept as entities named by their lexical form (a year, a
/// country name) except for label predicates (<c>rdfs:label</c>, <c>schema:name</c>, <c>foaf:name</c>), whose literal
/// names the subject. Escapes inside literals (<c>\"</c>, <c>\\</c>, <c>\n</c>, <c>\t</c>, <c>\uXXXX</c>) are decoded.
/// </remarks>
internal static class NTriplesReader
{
    private static readonly string[] LabelPredicates =
    [
        "http://www.w3.org/2000/01/rdf-schema#label",
        "http://schema.org/name",
        "https://schema.org/name",
        "http://xmlns.com/foaf/0.1/name",
    ];

    public static void Read(string file, KnowledgeGraphBuilder builder, KnowledgeLoadOptions options)
    {
        using var lines = new LineReader(file, Encoding.UTF8);
        while (lines.TryReadLine(out var line))
        {
            var rest = line.Trim();
            if (rest.IsEmpty || rest[0] == '#')
            {
                continue;
            }

            string? error = ReadStatement(rest, builder);
            if (error is not null)
            {
                FieldLines.Reject(options, lines.FileName, lines.LineNumber, error);
            }
        }
    }

    private static string? ReadStatement(ReadOnlySpan<char> line, KnowledgeGraphBuilder builder)
    {
        if (!TryTerm(ref line, out string subject, out bool subjectLiteral) || subjectLiteral)
        {
            return "the subject must be an IRI or a blank node";
        }

        if (!TryTerm(ref line, out string predicate, out bool predicateLiteral) || predicateLiteral || predicate.StartsWith("_:", StringComparison.Ordinal))
        {
            return "the predicate must be an IRI";
        }

        if (!TryTerm(ref line, out string obj, out bool literal))
        {
            return "the object must be an IRI, a blank node or a literal";
        }

        if (!line.Trim().SequenceEqual("."))
        {
            return "a statement must end with ' .'";
        }

        if (literal && Array.IndexOf(LabelPredicates, predicate) >= 0)
        {
            builder.Entity(subject, obj);
            return null;
        }

        builder.Entity(subject);
        builder.Add(builder.Entity(subject), builder.Relation(predicate), literal ? builder.Entity("\"" + obj + "\"", obj) : builder.Entity(obj));
        return null;
    }

    private static bool TryTerm(ref ReadOnlySpan<char> line, out string term, out bool literal)
    {
        line = line.TrimStart();
        term = string.Empty;
        literal = false;
        if (line.IsEmpty)
        {
            return false;
        }

        if (line[0] == '<')
        {
            int end = line.IndexOf('>');
            if (end < 2)
            {
                return false;
            }

            term = line[1..end].ToString();
            line = line[(end + 1)..];
            return true;
        }

        if (line.StartsWith("_:"))
        {
            int end = line.IndexOfAny(' ', '\t');
            if (end < 3)
            {
                return false;
            }

            term = line[..end].ToString();
            line = line[end..];
            return true;
        }

        return line[0] == '"' && TryLiteral(ref line, out term, out literal);
    }

    private static bool TryLiteral(ref ReadOnlySpan<char> line, out string text, out bool literal)
    {
        var value = new StringBuilder();
        int i = 1;
        for (; i < line.Length && line[i] != '"'; i++)
        {
            if (line[i] != '\\')
            {
                value.Append(line[i]);
                continue;
            }

            if (++i >= line.Length)
            {
                break;
            }

            switch (line[i])
            {
                case 'n': value.Append('\n'); break;
                case 't': value.Append('\t'); break;
                case 'r': value.Append('\r'); break;
                case 'u' when i + 4 < line.Length && int.TryParse(line.Slice(i + 1, 4), System.Globalization.NumberStyles.HexNumber, null, out int code):
                    value.Append((char)code);
                    i += 4;
                    break;
                default: value.Append(line[i]); break;
            }
        }

        text = value.ToString();
        literal = true;
        if (i >= line.Length)
        {
            return false;
        }

        line = line[(i + 1)..];

        // A language tag or a datatype IRI qualifies the literal; the graph keeps only the lexical form.
        if (!line.IsEmpty && line[0] == '@')
        {
            int end = line.IndexOfAny(' ', '\t');
            line = end < 0 ? [] : line[end..];
        }
        else if (line.StartsWith("^^<"))
        {
            int end = line.IndexOf('>');
            if (end < 0)
            {
                return false;
            }

            line = line[(end + 1)..];
        }

        return true;
    }
}
