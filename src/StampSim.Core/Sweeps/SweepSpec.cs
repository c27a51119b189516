using System.Security.Cryptography;
using System.Text;
using StampSim.Config;
using StampSim.Traces;

namespace StampSim.Sweeps;

/// <summary>How points are drawn from the axes' grid.</summary>
/// <param name="Random">Number of points to draw at random (without replacement), or null for the full grid.</param>
/// <param name="Seed">Seed of the random draw.</param>
public sealed record SweepSampling(int? Random, ulong Seed);

/// <summary>
/// A design-space sweep: base accelerator configs, traces and layers, fixed overrides, axes over any
/// dotted config key, sampling, constraints and the objectives of the Pareto front. The minimal form:
/// <code>
/// trace: bundled
/// config: hwconfigs/edge-npu.yaml
/// axes:
///   mac_array.rows: [8, 16, 32]
///   numerics.hi_tokens: [0, 16, 64]
/// </code>
/// </summary>
public sealed record SweepSpec
{
    /// <summary>
    /// The whole-model workload, or null for a layer sweep of the traces. With a model, <see cref="Traces"/> may be empty
    /// (cost only) or name the trace whose golden replay gives each point's SQNR.
    /// </summary>
    public SweepModel? Model { get; init; }

    /// <summary>Traces: <c>bundled</c> or paths (empty for a model sweep without accuracy).</summary>
    public required IReadOnlyList<string> Traces { get; init; }

    /// <summary>Layer selection glob (all layers when null).</summary>
    public string? Layers { get; init; }

    /// <summary>Base configs: paths or embedded names.</summary>
    public required IReadOnlyList<string> Configs { get; init; }

    /// <summary>Fixed overrides applied to every point before the axes.</summary>
    public IReadOnlyList<string> Sets { get; init; } = [];

    /// <summary>Axes in spec order (the last varies fastest).</summary>
    public required IReadOnlyList<SweepAxis> Axes { get; init; }

    /// <summary>Grid or random sampling.</summary>
    public SweepSampling Sampling { get; init; } = new(null, 0);

    /// <summary>Constraints every point must satisfy.</summary>
    public IReadOnlyList<ConstraintExpression> Constraints { get; init; } = [];

    /// <summary>Pareto objectives.</summary>
    public IReadOnlyList<SweepObjective> Objectives { get; init; } = [];

    /// <summary>The spec file's text.</summary>
    public required string Text { get; init; }

    /// <summary>Where the spec came from.</summary>
    public required string Source { get; init; }

    /// <summary>Reads and validates a spec file.</summary>
    public static SweepSpec Load(string path)
    {
        if (!File.Exists(path) && !Directory.Exists(path)) throw new InputException($"{path}: sweep spec not found");
        return Parse(Io.StrictText.ReadFile(path), path);
    }

    /// <summary>Parses spec text.</summary>
    public static SweepSpec Parse(string text, string source)
    {
        var root = YamlConfigParser.ParseDocument(text, source);
        var s = ConfigSection.Root(root);
        s.Int("version", 1, 1, 1);
        var model = s.Has("model") ? SweepModel.Read(s.Section("model")) : null;
        IReadOnlyList<string> traces = model is not null && !s.Has("trace") && !s.Has("traces") ? [] : OneOrMany(s, "trace", "traces", BundledTrace.Name);
        var configs = OneOrMany(s, "config", "configs", null);
        var sets = new List<string>();
        var setSection = s.Section("set");
        foreach (var key in setSection.Keys.ToList())
        {
            if (setSection.Raw(key) is not ConfigScalar v)
                throw setSection.Error(key, "fixed overrides must be single values");
            sets.Add($"{key}={v.Text}");
        }
        var axesSection = s.Section("axes");
        var axes = axesSection.Keys.ToList().Select(k => SweepAxis.Read(k, axesSection.Raw(k)!, axesSection)).ToList();
        if (axes.Count == 0) throw new InputException($"{s.MarkOf("axes")}: axes: a sweep needs at least one axis");
        var constraints = s.List("constraints", [], ConstraintExpression.Parse);
        var known = SweepObjective.For(model is not null, traces.Count > 0);
        var objectives = s.List("objectives", SweepObjective.DefaultsFor(model is not null, traces.Count > 0), t =>
            known.ContainsKey(t) ? t : throw new FormatException($"unknown objective '{t}' for this workload (expected one of: {string.Join(", ", known.Keys)})"));
        var spec = new SweepSpec
        {
            Model = model,
            Traces = traces,
            Layers = s.String("layers", null),
            Configs = configs,
            Sets = sets,
            Axes = axes,
            Sampling = ReadSampling(s),
            Constraints = constraints,
            Objectives = objectives.Select(o => known[o]).ToArray(),
            Text = text,
            Source = source,
        };
        s.RejectUnknownKeys();
        CheckSize(spec, s.MarkOf("axes"));
        return spec;
    }

    /// <summary>Most points a sweep expands to (every point is planned up front, with its config).</summary>
    public const long MaxPoints = 1_000_000;

    // The grid is the product of the axis sizes, which overflows long with a few dozen modest axes.
    private static void CheckSize(SweepSpec spec, SourceMark axesMark)
    {
        long total = (long)spec.Configs.Count * spec.Workloads;
        foreach (var axis in spec.Axes)
        {
            if (total > MaxPoints * 1000 / axis.Values.Count)
                throw new InputException($"{axesMark}: axes: the grid is too large (more than {MaxPoints * 1000:N0} combinations); shrink the axes");
            total *= axis.Values.Count;
        }
        long planned = spec.Sampling.Random is int count ? Math.Min(total, (long)count * spec.Configs.Count * spec.Workloads) : total;
        if (planned > MaxPoints)
            throw new InputException($"{axesMark}: axes: the sweep has {planned:N0} points, more than the {MaxPoints:N0} allowed; shrink the axes or sample with 'random:'");
    }

    /// <summary>Workloads each config runs: one per trace, or the model alone when no trace is given.</summary>
    public int Workloads => Math.Max(Traces.Count, Model is null ? 0 : 1);

    /// <summary>Points in the full grid of one config and trace (before constraints).</summary>
    public long GridSize => Axes.Aggregate(1L, (a, x) => checked(a * x.Values.Count));

    /// <summary>SHA-256 of the spec together with the content of the configs, traces and model architecture it names.</summary>
    public string Hash(Func<string, string> contentHash)
    {
        var sb = new StringBuilder(Text).Append('\n');
        foreach (var c in Configs) sb.Append("config ").Append(c).Append(' ').Append(contentHash(c)).Append('\n');
        foreach (var t in Traces) sb.Append("trace ").Append(t).Append(' ').Append(contentHash(t)).Append('\n');
        if (Model is not null) sb.Append("model ").Append(Model.Arch).Append(' ').Append(contentHash(Model.Arch)).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    private static IReadOnlyList<string> OneOrMany(ConfigSection s, string one, string many, string? @default)
    {
        bool hasOne = s.Has(one), hasMany = s.Has(many);
        if (hasOne && hasMany) throw s.Error(many, $"give either '{one}' or '{many}', not both");
        if (hasMany)
        {
            var list = s.List(many, [], t => t);
            return list.Count > 0 ? list : throw s.Error(many, "the list is empty");
        }
        if (hasOne) return [s.RequiredString(one)];
        return @default is null ? throw new InputException($"{s.Mark}: missing required key '{one}'") : [@default];
    }

    private static SweepSampling ReadSampling(ConfigSection s)
    {
        var node = s.Raw("sampling");
        if (node is null) return new SweepSampling(null, 0);
        if (node is ConfigScalar { Text: "grid" }) return new SweepSampling(null, 0);
        if (node is ConfigScalar other) throw s.Error("sampling", $"expected 'grid' or {{random: N, seed: S}}, got '{other.Text}'");
        var r = s.Section("sampling");
        var result = new SweepSampling(r.RequiredInt("random", 1, int.MaxValue), (ulong)r.Int("seed", 0, 0, int.MaxValue));
        r.RejectUnknownKeys();
        return result;
    }
}
