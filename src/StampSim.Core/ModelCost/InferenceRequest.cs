namespace StampSim.ModelCost;

/// <summary>What to run: prompt and generated tokens, batch, diffusion steps, and whether prefill scores every prompt token.</summary>
/// <param name="Prompt">Prompt tokens S (decoders).</param>
/// <param name="Decode">Generated tokens T (decoders).</param>
/// <param name="Batch">Sequences (or images) per batch B.</param>
/// <param name="Steps">Diffusion steps (DiT).</param>
/// <param name="LogitsAll">Run the LM head on every prompt token, not only the last.</param>
public sealed record InferenceRequest(int Prompt = 2048, int Decode = 128, int Batch = 1, int Steps = 20, bool LogitsAll = false)
{
    /// <summary>Checks the numbers.</summary>
    /// <exception cref="InputException">A count is out of range.</exception>
    public void Validate()
    {
        if (Prompt < 1) throw new InputException($"--prompt: must be at least 1, got {Prompt}");
        if (Decode < 0) throw new InputException($"--decode: must be 0 or more, got {Decode}");
        if (Batch < 1) throw new InputException($"--batch: must be at least 1, got {Batch}");
        if (Steps < 1) throw new InputException($"--steps: must be at least 1, got {Steps}");
        if ((long)Prompt + Decode > int.MaxValue / 2) throw new InputException($"--prompt/--decode: {Prompt} + {Decode} tokens is too long");
    }

    /// <summary>Refuses a decoder run whose prompt and generated tokens go beyond the positions <paramref name="a"/> was trained for.</summary>
    /// <param name="a">The model.</param>
    /// <param name="option">The option that set the prompt, as the error names it.</param>
    /// <exception cref="InputException">Prompt + decode exceeds <see cref="ModelArchitecture.MaxPositions"/>.</exception>
    public void CheckContext(ModelArchitecture a, string option)
    {
        if (a.Family.Decodes && a.MaxPositions > 0 && (long)Prompt + Decode > a.MaxPositions)
            throw new InputException($"{option}: {Prompt} prompt + {Decode} generated tokens exceed {a.Name}'s max_position_embeddings {a.MaxPositions} " +
                                     "(pass --beyond-max-positions to cost it anyway)");
    }
}
