using System.Globalization;
using StampSim.Evaluation;
using StampSim.Hardware;
using StampSim.Reports.Run;
using StampSim.Reports.Writers;

namespace StampSim.Tests.Writers;

[Collection(nameof(BundledRun))]
public class LayersCsvTests(BundledRun fixture)
{
    private static double Number(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    [Fact]
    public void One_row_per_layer_config_and_numerics_with_stable_columns()
    {
        var lines = File.ReadAllLines(Path.Combine(fixture.Folder, "layers.csv"));
        var columns = LayersCsv.Columns(fixture.Result);
        Assert.Equal(string.Join(',', columns), lines[0]);
        Assert.StartsWith("layer,kind,block,config,numerics,s,d,n,macs,transform,", lines[0]);
        Assert.Equal(1 + fixture.Result.Layers.Count * 3, lines.Length);
        Assert.All(lines.Skip(1), l => Assert.Equal(columns.Count, l.Split(',').Length));
        // One GEMM column per token width, widest first, between the transform/quantizer and fill/drain columns.
        Assert.Contains(",cycles_quantizer,cycles_gemm_a8,cycles_gemm_a4,cycles_gemm_fill_drain,", lines[0]);
        Assert.Equal(["stamp", "a4", "a8"], lines.Skip(1).Take(3).Select(l => l.Split(',')[4]));
    }

    [Fact]
    public void Rows_carry_the_numbers_of_the_run()
    {
        var run = fixture.Result;
        var columns = LayersCsv.Columns(run).ToList();
        var rows = File.ReadAllLines(Path.Combine(fixture.Folder, "layers.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        foreach (var layer in run.Layers)
        {
            var outcome = layer.Configs[0];
            foreach (var v in Variants.All)
            {
                var row = rows.Single(r => r[0] == layer.Layer.Name && r[4] == v.Key());
                var cost = outcome.CostOf(v);
                Assert.Equal(outcome.Result(v).Metrics.SqnrDb, Number(row[columns.IndexOf("sqnr_db")]));
                Assert.Equal(cost.TotalCycles, Number(row[columns.IndexOf("cycles")]));
                Assert.Equal(cost.EnergyPj, Number(row[columns.IndexOf("energy_pj")]));
                Assert.Equal(cost.DramReadBytes + cost.DramWriteBytes, Number(row[columns.IndexOf("dram_bytes")]));
                foreach (var gemm in new[] { "gemm_a8", "gemm_a4" })
                    Assert.Equal(cost.CyclesByStage.GetValueOrDefault(gemm), Number(row[columns.IndexOf($"cycles_{gemm}")]));
                Assert.Equal(cost.EnergyByComponentPj[CostComponent.Dram], Number(row[columns.IndexOf("energy_dram_pj")]));
            }
            Assert.Equal("haar(levels=3)", rows.First(r => r[0] == layer.Layer.Name)[columns.IndexOf("transform")]);
        }
    }
}
