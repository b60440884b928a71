using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace KnowRec.Models;

/// <summary>Builds an options record from <c>NAME=VALUE</c> settings (the CLI's <c>--set</c>) and writes options as JSON.</summary>
/// <remarks>Names match public init properties case-insensitively, with or without dashes (<c>learning-rate</c> = <c>LearningRate</c>).</remarks>
public static class OptionsBinder
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>Creates <typeparamref name="T"/> with defaults, applies <paramref name="settings"/>, validates and returns it.</summary>
    /// <exception cref="ArgumentException">A name is unknown or a value does not parse; the message lists the valid names.</exception>
    public static T Bind<T>(IReadOnlyDictionary<string, string> settings)
        where T : class, IModelOptions, new()
    {
        ArgumentNullException.ThrowIfNull(settings);
        var options = new T();
        var properties = Settable(typeof(T));
        foreach (var (name, text) in settings)
        {
            string key = Normalise(name);
            var property = properties.FirstOrDefault(p => Normalise(p.Name) == key)
                ?? throw new ArgumentException($"Unknown option '{name}'. Valid options: {string.Join(", ", properties.Select(p => p.Name))}.", nameof(settings));
            property.SetValue(options, Parse(property, text));
        }

        options.Validate();
        return options;
    }

    /// <summary>The options as a camelCase JSON object.</summary>
    public static string ToJson<T>(T options)
        where T : IModelOptions => JsonSerializer.Serialize(options, options.GetType(), Json);

    /// <summary>Reads options written by <see cref="ToJson"/>.</summary>
    public static T FromJson<T>(string json)
        where T : class, IModelOptions
    {
        var options = JsonSerializer.Deserialize<T>(json, Json) ?? throw new InvalidDataException("Options JSON is empty.");
        options.Validate();
        return options;
    }

    /// <summary>Names and default values of the options of <paramref name="optionsType"/>, for help text.</summary>
    public static IReadOnlyList<(string Name, string Type, string Default)> Describe(Type optionsType)
    {
        ArgumentNullException.ThrowIfNull(optionsType);
        object defaults = Activator.CreateInstance(optionsType)!;
        return [.. Settable(optionsType).Select(p => (p.Name, p.PropertyType.Name, Convert.ToString(p.GetValue(defaults), CultureInfo.InvariantCulture) ?? ""))];
    }

    private static PropertyInfo[] Settable(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.SetMethod!.IsPublic)];

    private static string Normalise(string name) => name.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).ToUpperInvariant();

    private static object Parse(PropertyInfo property, string text)
    {
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        try
        {
            if (type.IsEnum)
            {
                return Enum.Parse(type, text.Replace("-", "", StringComparison.Ordinal), ignoreCase: true);
            }

            return type == typeof(string) ? text : Convert.ChangeType(text, type, CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException or ArgumentException)
        {
            string hint = type.IsEnum ? $" (one of {string.Join(", ", Enum.GetNames(type))})" : "";
            throw new ArgumentException($"Option {property.Name}: '{text}' is not a valid {type.Name}{hint}.", property.Name, e);
        }
    }
}
