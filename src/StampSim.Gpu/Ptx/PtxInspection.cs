using System.Text.RegularExpressions;

namespace StampSim.Gpu.Ptx;

/// <summary>
/// Reads generated PTX for the properties bit-exactness depends on: floating-point arithmetic
/// without an explicit rounding modifier (which ptxas may contract into a fused multiply-add, or
/// evaluate approximately) and calls to functions the module does not define (which only fail when
/// the driver links the module on a GPU).
/// </summary>
public static partial class PtxInspection
{
    /// <summary>Float add/sub/mul/div/fma/mad and float-narrowing conversions that carry no <c>.rn/.rz/.rm/.rp</c> modifier.</summary>
    public static IReadOnlyList<string> UnroundedFloatOps(string ptx) =>
        Lines(ptx).Where(l => FloatArithmetic().IsMatch(l) && !RoundingModifier().IsMatch(l)).ToArray();

    /// <summary>Declarations of external functions (a module using them cannot be loaded on its own).</summary>
    public static IReadOnlyList<string> ExternalFunctions(string ptx) =>
        Lines(ptx).Where(l => l.StartsWith(".extern .func", StringComparison.Ordinal)).ToArray();

    /// <summary>Instruction lines whose opcode starts with <paramref name="opcode"/> (e.g. <c>dp4a</c>).</summary>
    public static IReadOnlyList<string> Instructions(string ptx, string opcode) =>
        Lines(ptx).Where(l => l.StartsWith(opcode, StringComparison.Ordinal)).ToArray();

    private static IEnumerable<string> Lines(string ptx) =>
        ptx.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("//", StringComparison.Ordinal));

    [GeneratedRegex(@"^(@!?%p\d+\s+)?((add|sub|mul|div|fma|mad)(\.[a-z0-9]+)*\.f(16|32|64)\b|cvt(\.[a-z0-9]+)*\.f(16|32)\.(s|u|f)(8|16|32|64)\b)")]
    private static partial Regex FloatArithmetic();

    [GeneratedRegex(@"^(@!?%p\d+\s+)?[a-z0-9]+(\.[a-z0-9]+)*?\.(rn|rz|rm|rp|rni|rzi|rmi|rpi)\.")]
    private static partial Regex RoundingModifier();
}
