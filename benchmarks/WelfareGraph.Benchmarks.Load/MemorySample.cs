using System.Diagnostics;

namespace WelfareGraph.Benchmarks;

/// <summary>
/// The process's resident set and private bytes (the server and its clients share the process), sampled after a full
/// blocking collection: what the process holds on to, which is what grows with a leak, rather than where the garbage
/// collector happened to be in its cycle (under server GC the heap swings by tens of megabytes between collections).
/// </summary>
public sealed record MemorySample(long WorkingSet, long Private, long ManagedHeap)
{
    public static MemorySample Take()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        return new MemorySample(process.WorkingSet64, process.PrivateMemorySize64, GC.GetTotalMemory(forceFullCollection: false));
    }

    public override string ToString() =>
        $"working set {WorkingSet / 1048576.0:F0} MB, private {Private / 1048576.0:F0} MB, managed heap {ManagedHeap / 1048576.0:F0} MB";
}
