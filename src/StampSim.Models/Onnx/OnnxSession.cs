using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace StampSim.Models.Onnx;

/// <summary>
/// An ONNX Runtime session over a (possibly edited) serialised model, fed and read as
/// <see cref="OnnxTensor"/>s. ONNX Runtime runs every operator; StampSim only chooses what goes in
/// and which tensors come out.
/// </summary>
public sealed partial class OnnxSession : IDisposable
{
    private readonly InferenceSession _session;
    private readonly string _source;

    /// <summary>Creates a session; <paramref name="source"/> names the model in errors.</summary>
    /// <exception cref="InputException">ONNX Runtime rejects the model.</exception>
    public OnnxSession(byte[] model, string source, int threads = 0)
    {
        _source = source;
        // ONNX Runtime logs errors to stderr itself, with colour codes and its source paths; the error reaches the user once, as our one line.
        using var options = new SessionOptions { IntraOpNumThreads = threads, InterOpNumThreads = 1, LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL };
        try { _session = new InferenceSession(model, options); }
        catch (OnnxRuntimeException e) { throw new InputException($"{source}: ONNX Runtime cannot load the model ({FirstLine(e.Message)})"); }
    }

    /// <summary>Runs the model on <paramref name="feeds"/> and returns the float32 tensors named in <paramref name="outputs"/>.</summary>
    /// <exception cref="InputException">ONNX Runtime rejects the inputs (a missing input, a wrong shape or type).</exception>
    public IReadOnlyDictionary<string, OnnxTensor> Run(IReadOnlyDictionary<string, OnnxTensor> feeds, IReadOnlyList<string> outputs)
    {
        var values = new List<OrtValue>();
        try
        {
            var inputs = new Dictionary<string, OrtValue>(StringComparer.Ordinal);
            foreach (var (name, t) in feeds)
            {
                var v = t.Int64 is { } ids ? OrtValue.CreateTensorValueFromMemory(ids, t.Shape) : OrtValue.CreateTensorValueFromMemory(t.Floats, t.Shape);
                values.Add(v);
                inputs[name] = v;
            }
            using var run = new RunOptions { LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL };
            using var results = _session.Run(run, inputs, outputs);
            var byName = new Dictionary<string, OnnxTensor>(StringComparer.Ordinal);
            for (int i = 0; i < outputs.Count; i++)
            {
                var r = results[i];
                var info = r.GetTensorTypeAndShape();
                if (info.ElementDataType != TensorElementType.Float)
                    throw new InputException($"{_source}: tensor '{outputs[i]}' is {info.ElementDataType}, not float32");
                byName[outputs[i]] = OnnxTensor.Of(r.GetTensorDataAsSpan<float>().ToArray(), info.Shape);
            }
            return byName;
        }
        catch (OnnxRuntimeException e) { throw new InputException($"{_source}: ONNX Runtime cannot run the model ({FirstLine(e.Message)})"); }
        finally
        {
            foreach (var v in values) v.Dispose();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _session.Dispose();

    // The first line of ONNX Runtime's message, without its source paths and function signatures ("/onnxruntime_src/...:583 void f(...) ").
    private static string FirstLine(string message) =>
        RuntimeSourceLocation().Replace(message.Split('\n')[0], "").Trim();

    [System.Text.RegularExpressions.GeneratedRegex(@"/onnxruntime_src/\S+:\d+ (?:[^ ]+ )*?[\w:]+\([^)]*\)\s*")]
    private static partial System.Text.RegularExpressions.Regex RuntimeSourceLocation();
}
