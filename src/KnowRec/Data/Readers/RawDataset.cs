using System.Globalization;
using KnowRec.Data.Cleaning;

namespace KnowRec.Data.Readers;

/// <summary>What a reader collects before cleaning: raw-indexed rows and metadata, plus the strict/lenient line policy.</summary>
/// <remarks>
/// Readers load metadata first and then call <see cref="FixItemCatalogue"/>/<see cref="FixUserCatalogue"/>, after which an
/// interaction naming an id the metadata does not list is a bad line (<c>unknown-item</c>/<c>unknown-user</c>).
/// </remarks>
internal sealed class RawDataset(string name, LoadOptions options)
{
    private string? _itemSource;
    private string? _userSource;

    public string Name { get; } = name;

    public LoadOptions Options { get; } = options;

    public CleaningReport Report { get; } = new();

    public IdInterner Users { get; } = new();

    public IdInterner Items { get; } = new();

    /// <summary>Metadata by raw item index (shorter than Items when the tail has none).</summary>
    public List<ItemMetadata?> ItemMetadata { get; } = [];

    /// <summary>Attributes by raw user index (shorter than Users when the tail has none).</summary>
    public List<IReadOnlyDictionary<string, string>?> UserAttributes { get; } = [];

    public List<RawRow> Rows { get; } = [];

    public bool ItemCatalogueFixed => _itemSource is not null;

    public bool UserCatalogueFixed => _userSource is not null;

    public FeedbackKind Feedback { get; private set; } = FeedbackKind.Implicit;

    public (float Min, float Max)? RatingScale { get; private set; }

    public bool HasTimestamps { get; set; }

    /// <summary>Marks the data explicit on the format's scale, unless the options override a bound.</summary>
    public void SetExplicit(float min, float max)
    {
        Feedback = FeedbackKind.Explicit;
        RatingScale = (Options.RatingMin ?? min, Options.RatingMax ?? max);
    }

    /// <summary>From now on interactions must name items listed so far; <paramref name="source"/> names the metadata file.</summary>
    public void FixItemCatalogue(string source) => _itemSource = source;

    /// <summary>From now on interactions must name users listed so far; <paramref name="source"/> names the metadata file.</summary>
    public void FixUserCatalogue(string source) => _userSource = source;

    public void SetItemMetadata(int item, ItemMetadata? metadata) => SetAt(ItemMetadata, item, metadata);

    public void SetUserAttributes(int user, IReadOnlyDictionary<string, string>? attributes) => SetAt(UserAttributes, user, attributes);

    /// <summary>Validates and stores one interaction; false when the line was rejected (lenient mode).</summary>
    public bool AddRow(string file, long line, ReadOnlySpan<char> user, ReadOnlySpan<char> item, float value, long timestamp, bool test = false)
    {
        user = user.Trim();
        item = item.Trim();
        if (user.IsEmpty || item.IsEmpty)
        {
            return Reject(CleaningCauses.MissingField, file, line, $"empty {(user.IsEmpty ? "user" : "item")} id");
        }

        int userIndex;
        if (_userSource is null)
        {
            userIndex = Users.GetOrAdd(user);
        }
        else if (!Users.TryGet(user, out userIndex))
        {
            return Reject(CleaningCauses.UnknownUser, file, line, $"unknown user '{user}' (not in {_userSource})");
        }

        int itemIndex;
        if (_itemSource is null)
        {
            itemIndex = Items.GetOrAdd(item);
        }
        else if (!Items.TryGet(item, out itemIndex))
        {
            return Reject(CleaningCauses.UnknownItem, file, line, $"unknown item '{item}' (not in {_itemSource})");
        }

        if (RatingScale is var (min, max) ? value < min || value > max : value < 0)
        {
            string allowed = RatingScale is var (low, high) ? $"the rating scale {Format(low)}..{Format(high)}" : "0 or more";
            return Reject(CleaningCauses.OutOfRangeValue, file, line, $"value {Format(value)} outside {allowed}");
        }

        Rows.Add(new RawRow(userIndex, itemIndex, value, timestamp, test));
        return true;
    }

    /// <summary>Strict: throws <c>FILE:LINE: reason</c>. Lenient: counts the cause, keeps the message, returns false.</summary>
    public bool Reject(string cause, string file, long line, string reason)
    {
        string message = $"{file}:{line.ToString(CultureInfo.InvariantCulture)}: {reason}";
        if (!Options.Lenient)
        {
            throw new InvalidDataException(message);
        }

        Report.Add(cause, 1, message);
        return false;
    }

    /// <summary>True when the record has at least <paramref name="count"/> fields, else rejects it as <c>missing-field</c>.</summary>
    public bool HasFields(RecordReader record, int count) =>
        record.Count >= count
        || Reject(CleaningCauses.MissingField, record.FileName, record.LineNumber, $"expected {count} fields, found {record.Count}");

    /// <summary>Parses field <paramref name="index"/> (zero-based) as a finite float, else rejects the line.</summary>
    public bool TryFloat(RecordReader record, int index, string name, out float value)
    {
        var text = record[index].Trim();
        if (float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && float.IsFinite(value))
        {
            return true;
        }

        return NonNumeric(record, index, name, text);
    }

    /// <summary>Parses field <paramref name="index"/> (zero-based) as an integer, else rejects the line.</summary>
    public bool TryLong(RecordReader record, int index, string name, out long value)
    {
        var text = record[index].Trim();
        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value) || NonNumeric(record, index, name, text);
    }

    private bool NonNumeric(RecordReader record, int index, string name, ReadOnlySpan<char> text) =>
        Reject(CleaningCauses.NonNumericValue, record.FileName, record.LineNumber,
            $"non-numeric value '{text}' in field {(index + 1).ToString(CultureInfo.InvariantCulture)} ({name})");

    private static string Format(float value) => value.ToString(CultureInfo.InvariantCulture);

    private static void SetAt<T>(List<T?> list, int index, T? value)
        where T : class
    {
        while (list.Count <= index)
        {
            list.Add(null);
        }

        list[index] = value;
    }
}
