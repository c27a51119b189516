using System.Reflection;

namespace StampSim.Gpu.Ptx;

/// <summary>One kernel entry point, instantiated for a given arithmetic.</summary>
/// <param name="Name">Class and method, e.g. <c>HaarKernels.Forward</c>.</param>
/// <param name="Method">The (closed) kernel method.</param>
/// <param name="ExplicitlyGrouped">True for kernels launched with an explicit group size (shared memory, barriers).</param>
/// <param name="UsesFloatArithmetic">True when the kernel is generic over <c>IFloatArithmetic</c> (it does float math).</param>
public sealed record KernelEntry(string Name, MethodInfo Method, bool ExplicitlyGrouped, bool UsesFloatArithmetic);
