using System.Globalization;
using System.Runtime.InteropServices;

namespace KnowRec.Evaluation.Bench;

/// <summary>One line naming the machine a measurement ran on: CPU, cores, memory, OS, runtime.</summary>
public static class MachineInfo
{
    /// <summary>E.g. <c>Intel(R) Xeon(R) … · 2 cores · 24.0 GiB · Debian GNU/Linux 12 · .NET 10.0.1</c>.</summary>
    public static string Describe()
    {
        string cpu = ReadField("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString();
        string memory = ReadField("/proc/meminfo", "MemTotal") is { } kb && long.TryParse(kb.Split(' ')[0], CultureInfo.InvariantCulture, out long total)
            ? (total / 1024.0 / 1024.0).ToString("F1", CultureInfo.InvariantCulture) + " GiB"
            : "? GiB";
        string simd = System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated ? "AVX-512" : System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated ? "AVX2" : "SSE";
        return $"{cpu} · {Environment.ProcessorCount} cores · {memory} · {simd} · {RuntimeInformation.OSDescription} · {RuntimeInformation.FrameworkDescription}";
    }

    private static string? ReadField(string path, string key)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        foreach (string line in File.ReadLines(path))
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && line[..colon].Trim() == key)
            {
                return line[(colon + 1)..].Trim();
            }
        }

        return null;
    }
}
