namespace StampSim.Gpu.Kernels;

/// <summary>
/// A grid-stride loop: items <c>[0, Count)</c> visited by a launch of <c>Stride</c> threads, thread
/// <c>t</c> taking <c>t, t + Stride, ...</c>. Launches stay at most one resident wave on a GPU and
/// one thread group on ILGPU's CPU accelerator, where every extra group costs a full barrier round.
/// </summary>
/// <param name="Count">Items to process.</param>
/// <param name="Stride">Threads launched.</param>
public readonly record struct Work(int Count, int Stride);
