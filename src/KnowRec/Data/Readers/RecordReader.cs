using System.Text;

namespace KnowRec.Data.Readers;

/// <summary>Splits the lines of a delimited file into fields without allocating a string per field.</summary>
/// <remarks>
/// With <c>quoting</c> on (RFC 4180) a field may be wrapped in double quotes, hold the delimiter, line breaks and
/// doubled quotes; MovieLens <c>.dat</c> files are read with quoting off because their titles hold bare quotes.
/// Blank lines are skipped. Field spans are valid until the next <see cref="TryRead"/>.
/// </remarks>
internal sealed class RecordReader : IDisposable
{
    private readonly LineReader _lines;
    private readonly string _delimiter;
    private readonly bool _quoting;
    private readonly List<Range> _fields = [];
    private char[] _record = new char[1024];
    private int _length;

    public RecordReader(string path, Encoding encoding, string delimiter, bool quoting = false)
    {
        _lines = new LineReader(path, encoding);
        _delimiter = delimiter;
        _quoting = quoting && delimiter.Length == 1;
    }

    /// <summary>The file name used in messages.</summary>
    public string FileName => _lines.FileName;

    /// <summary>1-based line number where the current record starts.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Number of fields in the current record.</summary>
    public int Count => _fields.Count;

    /// <summary>True when the current record ended inside an open quote.</summary>
    public bool Unterminated { get; private set; }

    /// <summary>The text of one field of the current record.</summary>
    public ReadOnlySpan<char> this[int index] => _record.AsSpan(0, _length)[_fields[index]];

    /// <summary>Reads the next non-blank record; false at the end of the file.</summary>
    public bool TryRead()
    {
        ReadOnlySpan<char> line;
        do
        {
            if (!_lines.TryReadLine(out line))
            {
                return false;
            }
        }
        while (line.IsWhiteSpace());

        LineNumber = _lines.LineNumber;
        _fields.Clear();
        _length = 0;
        Unterminated = false;
        if (!_quoting || !line.Contains('"'))
        {
            Append(line);
            SplitPlain();
            return true;
        }

        ReadQuoted(line);
        return true;
    }

    /// <inheritdoc/>
    public void Dispose() => _lines.Dispose();

    private void SplitPlain()
    {
        var text = _record.AsSpan(0, _length);
        int start = 0;
        while (true)
        {
            int at = text[start..].IndexOf(_delimiter.AsSpan());
            if (at < 0)
            {
                _fields.Add(start.._length);
                return;
            }

            _fields.Add(start..(start + at));
            start += at + _delimiter.Length;
        }
    }

    // RFC 4180: unescapes quoted fields into the record buffer, joining physical lines while a quote is open.
    private void ReadQuoted(ReadOnlySpan<char> line)
    {
        char delimiter = _delimiter[0];
        int fieldStart = 0;
        bool inQuotes = false;
        while (true)
        {
            for (int i = 0; i < line.Length; i++)
            {
                char c = line[i];
                if (inQuotes)
                {
                    if (c != '"')
                    {
                        Append(c);
                    }
                    else if (i + 1 < line.Length && line[i + 1] == '"')
                    {
                        Append('"');
                        i++;
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else if (c == '"')
                {
                    inQuotes = true;
                }
                else if (c == delimiter)
                {
                    _fields.Add(fieldStart.._length);
                    fieldStart = _length;
                }
                else
                {
                    Append(c);
                }
            }

            if (!inQuotes)
            {
                break;
            }

            if (!_lines.TryReadLine(out line))
            {
                Unterminated = true;
                break;
            }

            Append('\n');
        }

        _fields.Add(fieldStart.._length);
    }

    private void Append(ReadOnlySpan<char> text)
    {
        Reserve(text.Length);
        text.CopyTo(_record.AsSpan(_length));
        _length += text.Length;
    }

    private void Append(char c)
    {
        Reserve(1);
        _record[_length++] = c;
    }

    private void Reserve(int extra)
    {
        if (_length + extra > _record.Length)
        {
            Array.Resize(ref _record, Math.Max(_record.Length * 2, _length + extra));
        }
    }
}
