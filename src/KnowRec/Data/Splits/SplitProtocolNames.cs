using System.Diagnostics.CodeAnalysis;

namespace KnowRec.Data.Splits;

/// <summary>The kebab-case names of <see cref="SplitProtocol"/> values, as used on the command line and in <see cref="DataSplit.Protocol"/>.</summary>
public static class SplitProtocolNames
{
    // One table, in enum order, so the two directions cannot drift apart.
    private static readonly string[] Names = ["user-ratio", "random", "leave-last-out", "temporal", "kfold", "fixed", "cold-items", "cold-users"];

    /// <summary>All protocol names, in <see cref="SplitProtocol"/> order.</summary>
    public static IReadOnlyList<string> All => Names;

    /// <summary>The name of a protocol, e.g. <c>leave-last-out</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined protocol.</exception>
    public static string ToName(SplitProtocol protocol) =>
        (uint)protocol < (uint)Names.Length
            ? Names[(int)protocol]
            : throw new ArgumentOutOfRangeException(nameof(protocol), protocol, "Unknown split protocol.");

    /// <summary>Looks up a protocol by name (case-insensitive).</summary>
    public static bool TryParse(string? name, out SplitProtocol protocol)
    {
        for (int i = 0; i < Names.Length; i++)
        {
            if (string.Equals(Names[i], name, StringComparison.OrdinalIgnoreCase))
            {
                protocol = (SplitProtocol)i;
                return true;
            }
        }

        protocol = default;
        return false;
    }

    /// <summary>Looks up a protocol by name (case-insensitive).</summary>
    /// <exception cref="ArgumentException">The name is not a protocol; the message lists the valid names.</exception>
    public static SplitProtocol Parse([NotNull] string? name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return TryParse(name, out var protocol)
            ? protocol
            : throw new ArgumentException($"Unknown split protocol '{name}'; expected one of: {string.Join(", ", Names)}.", nameof(name));
    }
}
