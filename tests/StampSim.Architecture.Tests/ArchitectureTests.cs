using NetArchTest.Rules;

namespace StampSim.Tests;

/// <summary>Keeps the arrows pointing one way: a wrong-way reference between projects or namespaces fails here.</summary>
public class ArchitectureTests
{
    public static TheoryData<string> LayerNamespaces => [.. Architecture.Layers.SelectMany(l => l)];

    [Fact]
    public void Every_project_references_only_the_projects_below_it()
    {
        foreach (var assembly in Architecture.Assemblies)
        {
            string name = assembly.GetName().Name!;
            var references = assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("StampSim.", StringComparison.Ordinal));
            var wrong = references.Except(Architecture.AllowedReferences[name]).ToList();
            Assert.True(wrong.Count == 0, $"{name} must not reference {string.Join(", ", wrong)}");
        }
    }

    [Theory]
    [MemberData(nameof(LayerNamespaces))]
    public void A_namespace_depends_only_on_lower_layers(string ns)
    {
        int layer = Architecture.Layers.ToList().FindIndex(l => l.Contains(ns));
        var forbidden = Architecture.Layers.Skip(layer).SelectMany(l => l).Where(other => other != ns).ToArray();
        var result = Types.InAssemblies(Architecture.Assemblies).That().ResideInNamespace(ns)
            .ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
        Assert.True(result.IsSuccessful,
            $"{ns} depends on a namespace of its own or a higher layer ({string.Join(", ", forbidden)}): {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void Every_namespace_has_a_layer()
    {
        var unplaced = Architecture.Assemblies.SelectMany(a => a.GetTypes()).Select(t => t.Namespace)
            .Where(ns => ns is not null && ns != "StampSim" && ns.StartsWith("StampSim", StringComparison.Ordinal) && Architecture.LayerNamespaceOf(ns) is null)
            .Distinct().ToList();
        Assert.True(unplaced.Count == 0, $"namespaces missing from Architecture.Layers: {string.Join(", ", unplaced)}");
    }

    [Fact]
    public void The_numerics_assembly_holds_only_numerics_namespaces()
    {
        string[] numerics = ["StampSim", "StampSim.Tensors", "StampSim.Numerics", "StampSim.Transforms", "StampSim.Quantization", "StampSim.Gemm", "StampSim.Pipeline", "StampSim.Metrics"];
        var others = typeof(Numerics.NumericsConfig).Assembly.GetTypes().Select(t => t.Namespace).Where(ns => ns is not null && !numerics.Contains(ns)).Distinct().ToList();
        Assert.True(others.Count == 0, $"StampSim.Numerics holds {string.Join(", ", others)}");
    }

    [Fact]
    public void The_cli_parses_and_prints_and_builds_no_json()
    {
        // Every document's schema lives in StampSim.Reports; a command that built JSON would be a second owner.
        var result = Types.InAssembly(typeof(Cli.Program).Assembly).ShouldNot().HaveDependencyOnAny("System.Text.Json").GetResult();
        Assert.True(result.IsSuccessful, $"the CLI builds JSON (move it to a StampSim.Reports schema): {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void The_report_writers_know_nothing_of_the_runners()
    {
        var result = Types.InAssembly(typeof(Reports.Run.RunResult).Assembly).ShouldNot().HaveDependencyOnAny("StampSim.App", "StampSim.Cli").GetResult();
        Assert.True(result.IsSuccessful, $"StampSim.Reports depends on the application layer: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }
}
