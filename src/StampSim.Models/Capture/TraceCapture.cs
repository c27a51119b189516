using StampSim.Models.Linear;
using StampSim.Traces;

namespace StampSim.Models.Capture;

/// <summary>
/// Turns a recorded forward pass into a trace: every linear layer's input activations (stored once
/// when layers share them), weights and biases, with the layers in the order the model ran them.
/// Keys: <c>NAME.input</c> for activations (named after the first layer that read them),
/// <c>NAME.weight</c>, <c>NAME.bias</c>.
/// </summary>
public static class TraceCapture
{
    /// <summary>Adds the recorded calls to <paramref name="writer"/>; <paramref name="include"/> picks layers by name (all when null).</summary>
    public static void Add(TraceWriter writer, RecordingLinearExecutor recording, ElementType type, Func<string, bool>? include = null)
    {
        var activationKeys = new Dictionary<int, string>();
        foreach (var recorded in recording.Calls)
        {
            var call = recorded.Call;
            if (include is not null && !include(call.Name)) continue;
            if (!activationKeys.TryGetValue(recorded.ActivationIndex, out var xKey))
            {
                xKey = $"{call.Name}.input";
                activationKeys[recorded.ActivationIndex] = xKey;
                writer.AddTensor(xKey, type, [call.X.Rows, call.X.Cols], call.X.Data);
            }
            string wKey = $"{call.Name}.weight";
            writer.AddTensor(wKey, type, [call.W.Rows, call.W.Cols], call.W.Data);
            string? bKey = null;
            if (call.Bias is { } bias)
            {
                bKey = $"{call.Name}.bias";
                writer.AddTensor(bKey, type, [bias.Length], bias);
            }
            writer.AddLayer(new TraceLayer(call.Name, call.Kind.Name(), call.Block, xKey, wKey, bKey, call.Grid, call.PrefixTokens));
        }
    }
}
