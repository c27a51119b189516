using System.Reflection;
using ILGPU;
using StampSim.Gpu.Arithmetic;
using StampSim.Gpu.Kernels;

namespace StampSim.Gpu.Ptx;

/// <summary>
/// Every kernel entry point, found by convention so none can be missed by the PTX checks: the
/// public static void methods of the static classes in <c>StampSim.Gpu.Kernels</c>. A first
/// parameter of type <see cref="Index1D"/> marks an implicitly grouped kernel; the others are
/// explicitly grouped. Generic kernels are closed over the requested arithmetic.
/// </summary>
public static class KernelCatalog
{
    /// <summary>All kernels, with float arithmetic <paramref name="arithmetic"/> (a struct implementing <see cref="IFloatArithmetic"/>).</summary>
    public static IReadOnlyList<KernelEntry> All(Type arithmetic)
    {
        if (!typeof(IFloatArithmetic).IsAssignableFrom(arithmetic) || !arithmetic.IsValueType)
            throw new ArgumentException($"{arithmetic.Name} is not a struct implementing {nameof(IFloatArithmetic)}", nameof(arithmetic));
        return typeof(Work).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(Work).Namespace && t.IsAbstract && t.IsSealed)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.ReturnType == typeof(void))
            .Select(m => new KernelEntry(
                $"{m.DeclaringType!.Name}.{m.Name}",
                m.IsGenericMethodDefinition ? m.MakeGenericMethod(arithmetic) : m,
                m.GetParameters() is not [{ ParameterType: var first }, ..] || first != typeof(Index1D),
                m.IsGenericMethodDefinition))
            .OrderBy(k => k.Name, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>The kernels as they run on CUDA.</summary>
    public static IReadOnlyList<KernelEntry> ForCuda() => All(typeof(PtxArithmetic));
}
