using System.Diagnostics;

namespace WelfareGraph.Benchmarks;

/// <summary>The process's resident set and private bytes (the server and its clients share the process).</summary>
public sealed record MemorySample(long WorkingSet, long Private, long ManagedHeap)
{
    public static MemorySample Take()
    {
        using var process = Process.GetCurrentProcess();
        return new MemorySample(process.WorkingSet64, process.PrivateMemorySize64, GC.GetTotalMemory(forceFullCollection: false));
    }

    public override string ToString() =>
        $"working set {WorkingSet / 1048576.0:F0} MB, private {Private / 1048576.0:F0} MB, managed heap {ManagedHeap / 1048576.0:F0} MB";
}
