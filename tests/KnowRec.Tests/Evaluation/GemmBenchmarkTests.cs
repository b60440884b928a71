using KnowRec.Evaluation.Bench;
using KnowRec.Numerics;
using Xunit;

namespace KnowRec.Tests.Evaluation;

public sealed class GemmBenchmarkTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(33, 1)]
    [InlineData(70, 2)]
    public void Measure_TinySize_ReportsOrderedRatesAndAccurateProducts(int n, int threads)
    {
        var m = GemmBenchmark.Measure(n, threads, repetitions: 3, minimumSeconds: 0.001);
        Assert.Equal((n, threads, 3), (m.Size, m.Threads, m.Repetitions));
        Assert.InRange(m.Calls, 1, 10_000);
        Assert.True(m.WorstGflops > 0 && m.WorstGflops <= m.MedianGflops && m.MedianGflops <= m.BestGflops, $"{m}");
        // Every timed product passed the spot check, whose bound is 2·n·2⁻²⁴ of Σ|a·b|.
        Assert.InRange(m.MaxError, 0, 2.0 * n * Math.ScaleB(1.0, -24));
    }

    [Fact]
    public void Measure_BadArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => GemmBenchmark.Measure(0, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => GemmBenchmark.Measure(8, 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => GemmBenchmark.Measure(8, 1, 0));
    }

    [Fact]
    public void SpotCheck_AcceptsTheNaiveProduct_AndRejectsWrongOrStaleResults()
    {
        const int n = 24;
        var random = new SplitMix64(5);
        var a = new float[n * n];
        var b = new float[n * n];
        for (int i = 0; i < a.Length; i++)
        {
            (a[i], b[i]) = ((2 * random.NextSingle()) - 1, (2 * random.NextSingle()) - 1);
        }

        var c = new float[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double sum = 0;
                for (int p = 0; p < n; p++)
                {
                    sum += (double)a[(i * n) + p] * b[(p * n) + j];
                }

                c[(i * n) + j] = (float)sum;
            }
        }

        var spots = new SplitMix64(1);
        Assert.InRange(GemmBenchmark.SpotCheck(a, b, c, n, ref spots), 0, Math.ScaleB(1.0, -23));

        var off = c.Select(x => x + 1e-3f).ToArray();
        Assert.Throws<InvalidOperationException>(() => GemmBenchmark.SpotCheck(a, b, off, n, ref spots));
        var stale = Enumerable.Repeat(float.NaN, n * n).ToArray();
        Assert.Throws<InvalidOperationException>(() => GemmBenchmark.SpotCheck(a, b, stale, n, ref spots));
    }

    [Fact]
    public void FormatTable_PrintsTheColumnsOfTheNumpyScript()
    {
        // The two lines below are what benchmarks/numpy_gemm.py's HEADER and row() print for the same figures.
        string table = GemmReport.FormatTable([new GemmMeasurement(1024, 2, 7, 3, 322.34, 319.96, 97.04, 3.04e-8), new GemmMeasurement(64, 1, 12, 10000, 1234.56, 5.0, 0.04, 0)]);
        string[] lines = table.Split('\n');
        Assert.Equal("  size  threads  reps  calls  best GFLOP/s  median GFLOP/s  worst GFLOP/s  max rel err", lines[0]);
        Assert.Equal("  1024        2     7      3         322.3           320.0           97.0      3.0e-08", lines[1]);
        Assert.Equal("    64        1    12  10000        1234.6             5.0            0.0      0.0e+00", lines[2]);
    }

    [Fact]
    public void FromJson_ReadsWhatTheNumpyScriptWrites()
    {
        // Trimmed output of `numpy_gemm.py --sizes 64 --threads 2 --repetitions 2 --json F`.
        const string json = """
            {
              "library": "numpy 1.24.2 + OpenBLAS 0.3.21 (SkylakeX kernels)",
              "name": "numpy (SkylakeX)",
              "machine": "AMD EPYC · 2 cores · 23.5 GiB · Python 3.11.2 · Linux",
              "date": "2026-11-23 12:04 UTC",
              "load_before": 6.4375,
              "load_after": 6.44140625,
              "results": [
                {"size": 64, "threads": 2, "repetitions": 2, "calls": 9190, "best_gflops": 127.1, "median_gflops": 118.5, "worst_gflops": 109.9, "max_error": 8.4e-08}
              ]
            }
            """;
        var run = GemmRun.FromJson(json, "numpy-gemm.json");
        Assert.Equal("numpy (SkylakeX)", run.Name);
        Assert.Equal(6.4375, run.LoadBefore);
        Assert.Equal(new GemmMeasurement(64, 2, 2, 9190, 127.1, 118.5, 109.9, 8.4e-08), Assert.Single(run.Results));
    }

    [Fact]
    public void ToJson_RoundTrips()
    {
        var run = new GemmRun("KnowRec", "test machine", "2026-01-01 00:00 UTC", null, 1.5, [new GemmMeasurement(256, 1, 7, 40, 150.5, 148.25, 140, 5e-8)]);
        var back = GemmRun.FromJson(run.ToJson(), "x.json");
        Assert.Equal(run with { Results = [] }, back with { Results = [] });
        Assert.Equal(run.Results, back.Results);
        Assert.Contains("\"median_gflops\": 148.25", run.ToJson(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"library\": ")]
    [InlineData("{ \"machine\": \"m\" }")]
    public void FromJson_NotARun_ThrowsNamingTheFile(string json)
    {
        var e = Assert.Throws<InvalidDataException>(() => GemmRun.FromJson(json, "bad.json"));
        Assert.StartsWith("bad.json", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderMarkdown_ShowsKnowRecsShareOfEachReference_PerCell()
    {
        var ours = new GemmRun("KnowRec", "m", "d", 0.5, 0.7, [new GemmMeasurement(1024, 2, 7, 3, 130, 120, 100, 0), new GemmMeasurement(2048, 2, 7, 1, 90, 80, 70, 0)]);
        var numpy = new GemmRun("numpy + OpenBLAS (Haswell kernels)", "m", "d", 0.4, 0.6, [new GemmMeasurement(1024, 2, 7, 3, 110, 100, 90, 0)], "numpy (Haswell)");
        string text = GemmReport.RenderMarkdown(ours, [numpy], "knowrec bench gemm");
        Assert.StartsWith(GemmReport.BlockStart, text, StringComparison.Ordinal);
        Assert.EndsWith(GemmReport.BlockEnd + Environment.NewLine, text, StringComparison.Ordinal);
        Assert.Contains("| n | threads | KnowRec best | KnowRec median | numpy (Haswell) best | numpy (Haswell) median | KnowRec / numpy (Haswell) |", text, StringComparison.Ordinal);
        Assert.Contains("| 1024 | 2 | 130.0 | 120.0 | 110.0 | 100.0 | 120 % |", text, StringComparison.Ordinal);
        Assert.Contains("| 2048 | 2 | 90.0 | 80.0 | — | — | — |", text, StringComparison.Ordinal);
        Assert.Contains("load average 0.40 before, 0.60 after", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_ReplacesTheBlock_AndKeepsTheTextAroundIt()
    {
        string old = $"tables\n{ResultsDocument.NotesMarker}\n# GEMM\nbefore\n{GemmReport.BlockStart}\nold figures\n{GemmReport.BlockEnd}\nafter\n";
        string merged = GemmReport.Merge(old, $"{GemmReport.BlockStart}\nnew figures\n{GemmReport.BlockEnd}\n");
        Assert.Equal($"tables\n{ResultsDocument.NotesMarker}\n# GEMM\nbefore\n{GemmReport.BlockStart}\nnew figures\n{GemmReport.BlockEnd}\nafter\n", merged);
    }

    [Fact]
    public void Merge_AppendsAGemmSection_WhenThereIsNoBlock()
    {
        string block = $"{GemmReport.BlockStart}\nfigures\n{GemmReport.BlockEnd}\n";
        Assert.Equal($"tables\n{ResultsDocument.NotesMarker}\nnotes\n\n# GEMM\n\n{block}", GemmReport.Merge($"tables\n{ResultsDocument.NotesMarker}\nnotes\n", block));
        Assert.StartsWith(ResultsDocument.NotesMarker, GemmReport.Merge(null, block), StringComparison.Ordinal);
    }
}
