using KnowRec.Training;

namespace KnowRec.Tests.Models.Neural;

/// <summary>Reports synchronously (Progress&lt;T&gt; posts to the thread pool), so a test sees every report when Fit returns.</summary>
internal sealed class SyncProgress(Action<EpochReport> report) : IProgress<EpochReport>
{
    public void Report(EpochReport value) => report(value);
}
