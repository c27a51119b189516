using StampSim.Gpu.Runtime;

namespace StampSim.Tests.Support;

/// <summary>
/// Every accelerator a kernel test runs on: ILGPU's CPU accelerator always, and CUDA, which
/// <see cref="AcceleratorFixture.Open"/> reports as skipped (with the reason) on a machine without a GPU.
/// These are the backends <see cref="GpuDevice"/> can open; a new backend is one more entry here.
/// </summary>
public static class Accelerators
{
    /// <summary>The accelerators, in the order the cases are listed.</summary>
    public static IReadOnlyList<AcceleratorKind> All { get; } = [AcceleratorKind.Cpu, AcceleratorKind.Cuda];

    /// <summary>One case per accelerator.</summary>
    public static TheoryData<AcceleratorKind> Each() => new(All);

    /// <summary>Every row on every accelerator, the accelerator as the first argument.</summary>
    public static TheoryData<AcceleratorKind, T1> Cross<T1>(TheoryData<T1> rows)
    {
        var data = new TheoryData<AcceleratorKind, T1>();
        foreach (var (kind, row) in Pairs(rows)) data.Add(kind, (T1)row[0]);
        return data;
    }

    /// <summary>Every row on every accelerator, the accelerator as the first argument.</summary>
    public static TheoryData<AcceleratorKind, T1, T2, T3, T4, T5> Cross<T1, T2, T3, T4, T5>(TheoryData<T1, T2, T3, T4, T5> rows)
    {
        var data = new TheoryData<AcceleratorKind, T1, T2, T3, T4, T5>();
        foreach (var (kind, row) in Pairs(rows)) data.Add(kind, (T1)row[0], (T2)row[1], (T3)row[2], (T4)row[3], (T5)row[4]);
        return data;
    }

    private static IEnumerable<(AcceleratorKind Kind, object[] Row)> Pairs(IEnumerable<object[]> rows)
    {
        var cached = rows.ToList();
        return All.SelectMany(kind => cached.Select(row => (kind, row)));
    }
}
