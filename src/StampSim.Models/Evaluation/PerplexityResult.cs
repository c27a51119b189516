namespace StampSim.Models.Evaluation;

/// <summary>A language model's perplexity over a text.</summary>
/// <param name="Perplexity"><c>exp(MeanNll)</c>.</param>
/// <param name="MeanNll">Mean next-token cross-entropy in nats.</param>
/// <param name="TokensScored">Tokens whose prediction was scored.</param>
/// <param name="Windows">Forward passes (context windows) it took.</param>
public sealed record PerplexityResult(double Perplexity, double MeanNll, long TokensScored, int Windows);
