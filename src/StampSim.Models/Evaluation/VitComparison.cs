namespace StampSim.Models.Evaluation;

/// <summary>One image run through a reference and a candidate executor.</summary>
/// <param name="Name">The image's name (its file name when loaded from a path).</param>
/// <param name="ReferenceTop1">Top-1 class under the reference.</param>
/// <param name="CandidateTop1">Top-1 class under the candidate.</param>
/// <param name="LogitSqnrDb">SQNR of the candidate's logits against the reference's, in dB (+∞ when identical).</param>
public sealed record ImageComparison(string Name, int ReferenceTop1, int CandidateTop1, double LogitSqnrDb);

/// <summary>How a candidate executor agrees with a reference over a set of images.</summary>
/// <param name="Images">Per-image results, in input order.</param>
public sealed record VitComparison(IReadOnlyList<ImageComparison> Images)
{
    /// <summary>Fraction of images whose top-1 class is the reference's.</summary>
    public double Top1Agreement => Images.Count(i => i.ReferenceTop1 == i.CandidateTop1) / (double)Images.Count;

    /// <summary>Mean over images of the logit SQNR in dB (+∞ only when every image is identical).</summary>
    public double MeanLogitSqnrDb => Images.Average(i => i.LogitSqnrDb);
}
